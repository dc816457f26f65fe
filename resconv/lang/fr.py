"""French: what the text reader needs to recognise a General Assembly resolution.

Initial words come from the UN's French Akoma Ntoso (A/RES/77/306: ``container name=``
and the italic span of operative paragraphs) and the verbs the UN's French resolutions
use; the Assembly is feminine ("Convaincue", "Préoccupée"). Subparagraphs are printed
"a)", "i)"; adoption dates "30 juin 2023", "1er juillet 2023"; meetings
"87e séance plénière".
"""

from __future__ import annotations

from resconv.lang.lexicon import initial_phrases
from resconv.lang.matching import PhraseSet, Regex
from resconv.lang.profile import (
    HALF_PARENTHESIS_STRUCTURAL,
    HALF_PARENTHESIS_SUBPARAGRAPH,
    LanguageProfile,
    lines,
)

__all__ = ["PROFILE"]

PREAMBULAR_BASES = lines(
    """
    Rappelant
    Réaffirmant
    Ayant examiné
    Ayant étudié
    Ayant entendu
    Ayant reçu
    Ayant adopté
    Ayant à l’esprit
    Ayant présent à l’esprit
    Gardant à l’esprit
    Prenant note
    Prenant acte
    Prenant également note
    Notant
    Constatant
    Considérant
    Consciente
    Pleinement consciente
    Convaincue
    Profondément convaincue
    Fermement convaincue
    Préoccupée
    Profondément préoccupée
    Gravement préoccupée
    Vivement préoccupée
    Alarmée
    Inquiète
    Résolue
    Déterminée
    Soulignant
    Insistant
    Mettant l’accent
    Se félicitant
    Saluant
    Accueillant avec satisfaction
    Reconnaissant
    Affirmant
    Tenant compte
    Guidée par
    Déplorant
    Condamnant
    Exprimant
    Exprimant sa préoccupation
    Exprimant sa profonde préoccupation
    Exprimant sa gratitude
    Exprimant sa satisfaction
    Estimant
    Réitérant
    Sachant
    Soulignant la nécessité
    Observant
    Appréciant
    Encouragée
    Désireuse
    Souhaitant
    Déclarant
    Décidée
    Se déclarant
    """
)
PREAMBULAR_AFTER = lines(
    """
    également
    en outre
    de nouveau
    aussi
    avec satisfaction
    avec préoccupation
    avec une vive préoccupation
    avec inquiétude
    avec regret
    avec appréciation
    avec intérêt
    """
)

OPERATIVE_BASES = lines(
    """
    Réaffirme
    Prend note
    Prend acte
    Prend également note
    Prie
    Décide
    Demande
    Engage
    Exhorte
    Invite
    Encourage
    Souligne
    Se félicite
    Salue
    Accueille avec satisfaction
    Approuve
    Souscrit
    Autorise
    Condamne
    Déplore
    Exprime
    Exprime sa préoccupation
    Exprime sa profonde préoccupation
    Exprime sa gratitude
    Exprime sa satisfaction
    Exprime son soutien
    Remercie
    Recommande
    Rappelle
    Reconnaît
    Affirme
    Considère
    Constate
    Note
    Insiste
    Estime
    Proclame
    Déclare
    Adopte
    Appuie
    Soutient
    Exige
    Réitère
    Renouvelle
    Charge
    Fait sienne
    Fait siennes
    Fait sien
    Fait siens
    Lance un appel
    Se déclare
    Est consciente
    Convient
    Confirme
    Désigne
    Félicite
    Met l’accent
    Rend hommage
    Attire l’attention
    Appelle
    """
)
OPERATIVE_AFTER = lines(
    """
    également
    en outre
    de nouveau
    aussi
    instamment
    vivement
    énergiquement
    fermement
    avec satisfaction
    avec préoccupation
    avec une vive préoccupation
    avec intérêt
    avec gratitude
    avec appréciation
    à cet égard
    """
)

# Words that end the fallback initial words of an unknown verb: "Salue les …" → "Salue".
STOP_WORDS = frozenset(
    lines(
        """
        le
        la
        les
        l
        un
        une
        des
        du
        de
        d
        à
        au
        aux
        que
        qu
        qui
        dont
        et
        ou
        en
        sur
        par
        pour
        avec
        dans
        sans
        son
        sa
        ses
        leur
        leurs
        ce
        cette
        ces
        tous
        toutes
        tout
        toute
        chaque
        ne
        il
        elle
        ils
        elles
        se
        si
        lorsque
        comme
        également
        """
    )
)

MONTHS = {
    name: number
    for number, name in enumerate(
        lines(
            """
            janvier
            février
            mars
            avril
            mai
            juin
            juillet
            août
            septembre
            octobre
            novembre
            décembre
            """
        ),
        start=1,
    )
}
_MONTH = "|".join(MONTHS)
_DATE = rf"\d{{1,2}}(?:er)?\s+(?:{_MONTH})\s+\d{{4}}"
_LOWER = "a-zß-ÿœ"

PROFILE = LanguageProfile(
    code="fr",
    joiner="space",
    authority=Regex(r"L[’']\s?Assemblée\s+générale\s*,?|Le\s+Conseil\s+de\s+sécurité\s*,?"),
    preambular=PhraseSet(
        PREAMBULAR_BASES,
        after=PREAMBULAR_AFTER,
        word_boundary=True,
        more=lambda: initial_phrases("fr", "preambular"),
    ),
    operative=PhraseSet(
        OPERATIVE_BASES,
        after=OPERATIVE_AFTER,
        word_boundary=True,
        more=lambda: initial_phrases("fr", "operative"),
    ),
    fallback_stop_words=STOP_WORDS,
    date=Regex(rf"(?P<day>\d{{1,2}})(?:er)?\s+(?P<month>{_MONTH})\s+(?P<year>\d{{4}})"),
    months=MONTHS,
    meeting=Regex(r"(?P<number>\d{1,4})\s*(?:e|re|ème)\s+séance\s+plénière(?:\s*\(reprise\))?"),
    annex=Regex(r"Annexe(?:\s+[IVXLC]{1,6}|\s+\d{1,2})?(?!\w)"),
    session=Regex(
        rf"[A-ZÀ-Ý][{_LOWER}]+(?:-[{_LOWER}]+)*[ ]+session"
        r"(?:[ ]+extraordinaire(?:[ ]+d[’']urgence)?)?"
    ),
    agenda_item=Regex(
        r"Points?[ ]+(?P<item>\d{1,3}(?:[ ]*\(?[a-z]{1,3}\))?)[ ]+de[ ]+l[’']ordre[ ]+du[ ]+jour"
    ),
    adopted_line=Regex(
        rf"Résolution\s+adoptée\s+par\s+l[’']\s?Assemblée\s+générale\s+le\s+{_DATE}"
    ),
    distribution=Regex(r"Distr\.?\s*:?\s*(générale|limitée|restreinte|General|Limited)"),
    # "régional1 et", "budgétaires2,", "20223 ;" (a marker after a year: one digit).
    glued_marker=Regex(
        rf"(?=\d)(?:(?<=[{_LOWER}])|(?<=[{_LOWER}][.,;:])|(?<=\d[,;:])|(?<=[”’»)])"
        r"|(?<=[”’»)][,;:.]))(\d{1,3})(?![\d/]|\.\d|e\b|er\b|re\b|ème\b)"
        r"|(?<=[^\d/][12]\d{3})(\d)(?=\s?[;,.:)])"
    ),
    subparagraph=Regex(HALF_PARENTHESIS_SUBPARAGRAPH),
    structural=Regex(HALF_PARENTHESIS_STRUCTURAL),
    rejoins_split_words=True,
    decimal_comma=True,
    glued_marks=",.",
    suspended_hyphen_words=frozenset({"et", "ou", "à"}),
    detect_words=frozenset({"les", "des", "du", "et", "le", "aux", "sur", "dans", "une", "qui"}),
    capitalised=True,
    preambular_form=Regex(
        r"(?:Se\s+[a-zéèêàâîôûç]{2,}|[A-ZÉÈÀ][a-zéèêàâîôûç]{2,})ant(?=\s+[a-zà-ÿœ(“«]|,)"
    ),
    # "b) … ;" then "et prie …": a closing text continues the sentence in lower case.
    wrap_up_start=Regex(r"[a-zà-ÿœæ]"),
)
