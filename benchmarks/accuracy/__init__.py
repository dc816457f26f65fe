"""The accuracy benchmark: resconv's text reader against the UN's own Akoma Ntoso.

Pairs of a text and the UN's AKN of the same resolution, read by resconv's AKN reader as
the expected model: real texts users had (``real:*``), and texts generated at run time
from every UN AKN file available, laid out the ways users have them. See
``benchmarks/README.md``.
"""
