"""The per-document conversion maps onto a Dask cluster (optional: needs dask.distributed)."""

from __future__ import annotations

import pytest

import resconv
from tests.conftest import SEED

distributed = pytest.importorskip("distributed")


def convert_one(data: bytes) -> dict[str, bytes]:
    return dict(resconv.convert_bytes(data, ["akn", "json"]).outputs)


@pytest.mark.filterwarnings("ignore")
def test_convert_bytes_runs_on_a_local_dask_cluster() -> None:
    seed = SEED.read_bytes()
    inputs = [seed, seed.replace(b"\n", b"\r\n"), b"\xef\xbb\xbf" + seed]
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        results = client.gather(client.map(convert_one, inputs))
        failing = client.submit(convert_one, b"")
        with pytest.raises(resconv.StructureError):
            failing.result()
    local = convert_one(seed)
    assert all(result == local for result in results)
