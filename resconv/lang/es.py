"""Spanish: what the text reader needs to recognise a General Assembly resolution.

Initial words come from the UN's Spanish Akoma Ntoso (A/RES/77/306) and the verbs the
UN's Spanish resolutions use; the Assembly is feminine ("Convencida", "Preocupada").
Subparagraphs are printed "a)", "i)"; dates "30 de junio de 2023"; meetings
"87ª sesión plenaria" (also "87a" as extracted).
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
    Recordando
    Reafirmando
    Habiendo examinado
    Habiendo considerado
    Habiendo estudiado
    Habiendo recibido
    Habiendo escuchado
    Habiendo aprobado
    Tomando nota
    Teniendo presente
    Teniendo en cuenta
    Considerando
    Consciente
    Plenamente consciente
    Convencida
    Profundamente convencida
    Firmemente convencida
    Preocupada
    Profundamente preocupada
    Gravemente preocupada
    Seriamente preocupada
    Alarmada
    Reconociendo
    Observando
    Acogiendo con beneplácito
    Acogiendo con satisfacción
    Destacando
    Subrayando
    Poniendo de relieve
    Afirmando
    Expresando
    Expresando su preocupación
    Expresando su profunda preocupación
    Expresando su reconocimiento
    Expresando su apoyo
    Decidida
    Resuelta
    Guiada por
    Guiándose por
    Deplorando
    Condenando
    Reiterando
    Señalando
    Haciendo notar
    Insistiendo
    Celebrando
    Encomiando
    Alentada
    Deseosa
    Declarando
    Lamentando
    Acogiendo
    """
)
PREAMBULAR_AFTER = lines(
    """
    también
    además
    asimismo
    una vez más
    con satisfacción
    con preocupación
    con profunda preocupación
    con grave preocupación
    con aprecio
    con reconocimiento
    con pesar
    en particular
    """
)

OPERATIVE_BASES = lines(
    """
    Reafirma
    Toma nota
    Solicita
    Pide
    Decide
    Hace suyas
    Hace suyo
    Hace suya
    Hace suyos
    Aprueba
    Reconoce
    Exhorta
    Insta
    Alienta
    Invita
    Acoge con beneplácito
    Acoge con satisfacción
    Celebra
    Destaca
    Subraya
    Pone de relieve
    Recalca
    Expresa
    Expresa su preocupación
    Expresa su profunda preocupación
    Expresa su reconocimiento
    Expresa su agradecimiento
    Expresa su apoyo
    Condena
    Deplora
    Exige
    Recomienda
    Recuerda
    Observa
    Afirma
    Declara
    Proclama
    Autoriza
    Apoya
    Encomia
    Encarga
    Reitera
    Renueva
    Considera
    Estima
    Hace un llamamiento
    Conviene
    Confirma
    Designa
    Agradece
    Felicita
    Lamenta
    Señala
    Aguarda con interés
    """
)
OPERATIVE_AFTER = lines(
    """
    también
    además
    asimismo
    una vez más
    encarecidamente
    enérgicamente
    firmemente
    con satisfacción
    con preocupación
    con profunda preocupación
    con aprecio
    con reconocimiento
    con interés
    a este respecto
    en este sentido
    """
)

# Words that end the fallback initial words of an unknown verb: "Saluda los …" → "Saluda".
STOP_WORDS = frozenset(
    lines(
        """
        el
        la
        los
        las
        lo
        un
        una
        unos
        unas
        de
        del
        al
        a
        en
        con
        por
        para
        sin
        sobre
        entre
        que
        quien
        cuyo
        este
        esta
        estos
        estas
        ese
        esa
        su
        sus
        todo
        todos
        todas
        cada
        y
        e
        o
        u
        ni
        no
        se
        como
        también
        """
    )
)

MONTHS = {
    name: number
    for number, name in enumerate(
        lines(
            """
            enero
            febrero
            marzo
            abril
            mayo
            junio
            julio
            agosto
            septiembre
            octubre
            noviembre
            diciembre
            """
        ),
        start=1,
    )
} | {"setiembre": 9}
_MONTH = "|".join(MONTHS)
_DATE = rf"\d{{1,2}}\s+de\s+(?:{_MONTH})\s+de\s+\d{{4}}"
_LOWER = "a-záéíóúüñ"

PROFILE = LanguageProfile(
    code="es",
    joiner="space",
    authority=Regex(r"La\s+Asamblea\s+General\s*,?|El\s+Consejo\s+de\s+Seguridad\s*,?"),
    preambular=PhraseSet(
        PREAMBULAR_BASES,
        after=PREAMBULAR_AFTER,
        word_boundary=True,
        more=lambda: initial_phrases("es", "preambular"),
    ),
    operative=PhraseSet(
        OPERATIVE_BASES,
        after=OPERATIVE_AFTER,
        word_boundary=True,
        more=lambda: initial_phrases("es", "operative"),
    ),
    fallback_stop_words=STOP_WORDS,
    date=Regex(rf"(?P<day>\d{{1,2}})\s+de\s+(?P<month>{_MONTH})\s+de\s+(?P<year>\d{{4}})"),
    months=MONTHS,
    meeting=Regex(r"(?P<number>\d{1,4})\s*\.?\s*[ªa]\s+sesión\s+plenaria(?:\s*\(continuación\))?"),
    annex=Regex(r"Anexo(?:\s+[IVXLC]{1,6}|\s+\d{1,2})?(?!\w)"),
    session=Regex(
        rf"[A-ZÁÉÍÓÚ][{_LOWER}]+(?:[ ]+[{_LOWER}]+)?[ ]+período[ ]+(?:extraordinario[ ]+)?"
        r"de[ ]+sesiones(?:[ ]+de[ ]+emergencia)?"
    ),
    agenda_item=Regex(r"Temas?[ ]+(?P<item>\d{1,3}(?:[ ]*\(?[a-z]{1,3}\))?)[ ]+del[ ]+programa"),
    adopted_line=Regex(rf"Resolución\s+aprobada\s+por\s+la\s+Asamblea\s+General\s+el\s+{_DATE}"),
    distribution=Regex(r"Distr\.?\s*:?\s*(general|limitada|reservada|General|Limited)"),
    # "Servicios1 y", "Presupuesto2,", "20223;" (a marker after a year: one digit).
    glued_marker=Regex(
        rf"(?=\d)(?:(?<=[{_LOWER}])|(?<=[{_LOWER}][.,;:])|(?<=\d[,;:])|(?<=[”’»)])"
        r"|(?<=[”’»)][,;:.]))(\d{1,3})(?![\d/]|\.\d|\.?ª|a\b)"
        r"|(?<=[^\d/.][12]\d{3})(\d)(?=\s?[;,.:)])"
    ),
    subparagraph=Regex(HALF_PARENTHESIS_SUBPARAGRAPH),
    structural=Regex(HALF_PARENTHESIS_STRUCTURAL),
    rejoins_split_words=True,
    decimal_comma=True,
    suspended_hyphen_words=frozenset({"y", "o", "e", "u"}),
    # The UN's Spanish opens an aside with "—" glued to its first word: " —económica" 454
    # times in its AKN files, " — " never.
    aside_dash="—",
    detect_words=frozenset({"los", "las", "del", "el", "y", "en", "por", "con", "para", "una"}),
    capitalised=True,
    preambular_form=Regex(
        r"[A-ZÁÉÍÓÚ][a-záéíóúñ]{2,}(?:a|á|ie|ié|ye|yé)ndo(?:se|la|lo|las|los|le)?(?=\s+[a-záéíóúñ(“«]|,)"
    ),
    # "b) …;" then "y solicita …": a closing text continues the sentence in lower case.
    wrap_up_start=Regex(r"[a-záéíóúñü]"),
)
