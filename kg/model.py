"""Typed records that flow between the pipeline stages (pydantic validates what goes in)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field

from kg.prefixes import PREFIXES


class Record(BaseModel):
    """Base for all pipeline records: strict fields, no silent extras."""

    model_config = ConfigDict(extra="forbid")


class LineKind(StrEnum):
    """What one physical line of a list is."""

    ENTRY = "entry"
    HEADING = "heading"
    STRUCTURE = "structure"
    PROSE = "prose"
    PLACEHOLDER = "placeholder"
    BLANK = "blank"
    NOT_UNDERSTOOD = "not-understood"


class WorkKind(StrEnum):
    """What an entry points at; maps onto the ontology's Work sub-classes."""

    PAPER = "paper"
    BLOG = "blog"
    SOFTWARE = "software"
    DATASET = "dataset"
    MODEL = "model"
    VIDEO = "video"  # videos, talks, recorded lectures
    COURSE = "course"
    BOOK = "book"
    PERSON = "person"  # a researcher's page, listed as who to follow


class LinkRole(StrEnum):
    """What one link of an entry leads to, read from its label, its column or its target."""

    PAPER = "paper"
    CODE = "code"
    PROJECT = "project"
    DATASET = "dataset"
    MODEL = "model"
    BLOG = "blog"
    VIDEO = "video"


class SectionOrigin(StrEnum):
    """How a section was written in the list."""

    HEADING = "heading"
    BOLD_LABEL = "bold-label"
    ITALIC_LABEL = "italic-label"
    CATEGORY = "category"
    IMPLIED = "implied"


class Severity(StrEnum):
    """How much a defect matters to the list's author, as `kg audit` ranks it."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


class IssueKind(StrEnum):
    """A kind of defect in the lists; each row is its code, severity and ontology individual.

    The code is what reports and JSON show and the individual's skos:notation in the ontology.
    """

    _severity: Severity
    _term: str

    def __new__(cls, code: str, severity: Severity, term: str) -> IssueKind:
        member = str.__new__(cls, code)
        member._value_ = code
        member._severity = severity
        member._term = term
        return member

    DUPLICATE_IN_SECTION = "duplicate-in-section", Severity.ERROR, "DuplicateInSection"
    DUPLICATE_ACROSS_SECTIONS = "duplicate-across-sections", Severity.INFO, "DuplicateAcrossSections"
    CONFLICTING_IDENTIFIER = "conflicting-identifier", Severity.ERROR, "ConflictingIdentifier"
    TITLE_VARIANT = "title-variant", Severity.INFO, "TitleVariant"
    POSSIBLE_TYPO = "possible-typo", Severity.WARNING, "PossibleTypo"
    PLACEHOLDER = "placeholder", Severity.WARNING, "Placeholder"
    MISSING_LINK = "missing-link", Severity.INFO, "MissingLink"
    UNRECOGNISED_LINK = "unrecognised-link", Severity.INFO, "UnrecognisedLink"
    UNSAFE_LINK = "unsafe-link", Severity.WARNING, "UnsafeLink"
    SKIPPED_HEADING_LEVEL = "skipped-heading-level", Severity.WARNING, "SkippedHeadingLevel"
    MISNUMBERED_HEADING = "misnumbered-heading", Severity.WARNING, "MisnumberedHeading"
    MALFORMED_HEADING = "malformed-heading", Severity.WARNING, "MalformedHeading"
    MOJIBAKE = "mojibake", Severity.INFO, "Mojibake"
    EMPTY_SECTION = "empty-section", Severity.INFO, "EmptySection"
    NOT_UNDERSTOOD = "not-understood", Severity.WARNING, "NotUnderstood"
    ENCODING = "encoding", Severity.WARNING, "EncodingProblem"

    @property
    def severity(self) -> Severity:
        return self._severity

    @property
    def iri(self) -> str:
        """The ontology's individual for this kind (an skg:IssueType)."""
        return PREFIXES["skg"] + self._term


class Predicate(StrEnum):
    """A derived relation between works and entities; the value is the ontology property's name."""

    INTRODUCES = "introduces"
    EXTENDS = "extends"
    EVALUATED_ON = "evaluatedOn"
    EXACT_MATCH = "exactMatch"  # section alignments across lists: SKOS mapping properties
    CLOSE_MATCH = "closeMatch"
    RELATED_MATCH = "relatedMatch"

    @property
    def iri(self) -> str:
        return PREFIXES["skos" if self.is_mapping else "skg"] + self.value

    @property
    def is_mapping(self) -> bool:
        return self.value.endswith("Match")


class Identifier(Record):
    """A normalised identifier such as arxiv:2305.10429 or doi:10.1145/3626772.3657807."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    scheme: str
    value: str

    def __str__(self) -> str:
        return f"{self.scheme}:{self.value}"


class Link(Record):
    """One http(s) link of an entry, with its role and the label the list gave it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    url: str
    role: LinkRole
    label: str = ""


class VenueInfo(Record):
    """Venue and year read from a free-text venue string."""

    raw: str = ""
    venue: str | None = None
    year: int | None = None
    track: str | None = None
    status: str | None = None  # "published", "preprint", "submitted", "workshop"
    is_group: bool = False


class Section(Record):
    """A heading, category or labelled sub-group of one list."""

    key: str  # stable within the list: notation or slugged label path
    list_id: str
    label: str
    notation: str | None = None
    level: int
    parent: str | None = None
    order: int
    line: int
    raw: str
    origin: SectionOrigin = SectionOrigin.HEADING


class Entry(Record):
    """One entry (bullet or table row) of one list, at one line, in one or more sections."""

    list_id: str
    file: str
    line: int
    raw: str
    title: str
    title_raw: str
    kind: WorkKind = WorkKind.PAPER
    url: str | None = None
    links: list[str] = Field(default_factory=list)
    code_url: str | None = None
    resources: list[Link] = Field(default_factory=list)  # every link, with its role
    identifiers: list[Identifier] = Field(default_factory=list)
    authors: list[str] = Field(default_factory=list)
    authors_et_al: bool = False
    venue: VenueInfo = Field(default_factory=VenueInfo)
    summary: str | None = None
    note: str | None = None
    highlighted: bool = False
    sections: list[str] = Field(default_factory=list)
    order: int = 0


class LineRecord(Record):
    """The classification of one line, with a reason where it is not plain."""

    line: int
    kind: LineKind
    reason: str | None = None


class ListIssue(Record):
    """A defect found while reading one list (placeholder, unreadable link, numbering fault…)."""

    list_id: str
    file: str
    line: int | None
    kind: IssueKind
    message: str


class SurveyList(Record):
    """A list as described by the manifest (or by a path given on the command line)."""

    id: str
    title: str
    file: str
    origin: str = ""
    version: str = ""
    sha256: str | None = None
    previous_version: str | None = None


class ParsedList(Record):
    """Everything read from one list: sections, entries, per-line accounting and defects."""

    source: SurveyList
    title: str
    line_count: int
    sections: list[Section] = Field(default_factory=list)
    entries: list[Entry] = Field(default_factory=list)
    lines: list[LineRecord] = Field(default_factory=list)
    issues: list[ListIssue] = Field(default_factory=list)


class Work(Record):
    """One real work (paper, blog post, repository, dataset or model page) after resolution."""

    id: str  # local IRI part, e.g. "paper/arxiv-2305.10429"
    kind: WorkKind
    title: str
    titles: list[str] = Field(default_factory=list)
    identifiers: list[Identifier] = Field(default_factory=list)
    urls: list[str] = Field(default_factory=list)
    code_urls: list[str] = Field(default_factory=list)
    venues: list[VenueInfo] = Field(default_factory=list)
    venue: VenueInfo = Field(default_factory=VenueInfo)
    year: int | None = None
    authors: list[str] = Field(default_factory=list)
    summaries: list[str] = Field(default_factory=list)
    mentions: list[str] = Field(default_factory=list)  # mention ids "list_id:line"
    lists: list[str] = Field(default_factory=list)


class DataIssue(Record):
    """A defect of the sources, as the audit reports it and the graph records it."""

    id: str
    kind: IssueKind
    list_id: str | None
    file: str | None
    line: int | None
    message: str
    mentions: list[str] = Field(default_factory=list)  # "list_id:line"
    works: list[str] = Field(default_factory=list)
    sections: list[str] = Field(default_factory=list)
    intended: bool | None = None  # for duplicates across sections: may be deliberate


class EntityKind(StrEnum):
    """Things papers present or use, which are not list entries themselves."""

    METHOD = "method"
    DATASET = "dataset"
    BENCHMARK = "benchmark"
    MODEL = "model"


class Entity(Record):
    """A method, dataset, benchmark or model named by the lists (one node per real thing)."""

    id: str  # local IRI part, e.g. "method/evol-instruct"
    kind: EntityKind
    name: str
    aliases: list[str] = Field(default_factory=list)


class Relation(Record):
    """A derived relation between two nodes, with the evidence it rests on."""

    subject: str  # node id: a work id ("paper/arxiv-…") or an entity id ("method/…")
    predicate: Predicate
    object: str
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: str
    rule: str  # the rule or curation source that produced it
    mentions: list[str] = Field(default_factory=list)  # "list_id:line" it was read from
