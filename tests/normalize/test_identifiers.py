"""Tests for kg.normalize.identifiers: safe URLs, identifiers and URL kinds."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kg.model import Identifier, WorkKind
from kg.normalize.identifiers import (
    classify_url,
    identifiers_from_text,
    identifiers_from_url,
    safe_url,
)

FAST = settings(max_examples=200, deadline=None)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("https://arxiv.org/abs/2305.10429", "https://arxiv.org/abs/2305.10429"),
        ("  <https://arxiv.org/abs/2305.10429>  ", "https://arxiv.org/abs/2305.10429"),
        (
            "https://huggingface.co/ datasets/Vivacem/MMIQC",
            "https://huggingface.co/datasets/Vivacem/MMIQC",
        ),
        ("HTTPS://GitHub.com/NVlabs/VILA", "https://github.com/NVlabs/VILA"),
        ("https://arxiv.org/abs/...", "https://arxiv.org/abs/..."),
        (
            "https://www.cell.com/iscience/fulltext/S2589-0042(23)00537-0",
            "https://www.cell.com/iscience/fulltext/S2589-0042(23)00537-0",
        ),
        ('https://x.org/a{b}|c^d`e"f', "https://x.org/a%7Bb%7D%7Cc%5Ed%60e%22f"),
        ("https://x.org/100%/%41", "https://x.org/100%25/%41"),
        ("https://x.org:8080/p?q=1#frag", "https://x.org:8080/p?q=1#frag"),
        ("https://x.org/a[1]#b#c", "https://x.org/a%5B1%5D#b%23c"),
        ("http://javascript:void()", None),
        ("javascript:void(0)", None),
        ("data:text/html,hello", None),
        ("mailto:luo.junyu@outlook.com", None),
        ("#423-back-translation", None),
        ("figs/flywheel.png", None),
        ("ftp://example.org/file", None),
        ("https://", None),
        ("https://exa mple..org/", None),
        ("", None),
    ],
)
def test_safe_url(raw, expected):
    assert safe_url(raw) == expected


def ids(*pairs: str) -> list[Identifier]:
    """Identifiers from "scheme:value" strings."""
    return [Identifier(scheme=p.split(":", 1)[0], value=p.split(":", 1)[1]) for p in pairs]


URL_CASES = [
    # arXiv
    ("https://arxiv.org/abs/2305.10429", ["arxiv:2305.10429"]),
    ("http://arxiv.org/pdf/2312.11508v2", ["arxiv:2312.11508"]),
    ("https://arxiv.org/pdf/2404.07503v1?trk=public_post_comment-text", ["arxiv:2404.07503"]),
    ("https://arxiv.org/pdf/2411.17388?", ["arxiv:2411.17388"]),
    ("https://export.arxiv.org/pdf/2403.17860v3.pdf", ["arxiv:2403.17860"]),
    ("https://www.arxiv.org/abs/2503.17195", ["arxiv:2503.17195"]),
    ("https://arxiv.org/html/2401.00001v1#S2", ["arxiv:2401.00001"]),
    ("https://arxiv.org/abs/hep-th/9901001v2", ["arxiv:hep-th/9901001"]),
    ("https://arxiv.org/abs/cs/0112017", ["arxiv:cs/0112017"]),
    ("https://arxiv.org/abs/math.GT/0309136", ["arxiv:math/0309136"]),
    ("https://doi.org/10.48550/arXiv.2305.10429", ["arxiv:2305.10429"]),
    ("https://huggingface.co/papers/2305.10429", ["arxiv:2305.10429"]),
    ("https://arxiv.org/abs/...", []),
    # DOI
    ("https://doi.org/10.1145/3636243.3636256", ["doi:10.1145/3636243.3636256"]),
    (
        "https://dl.acm.org/doi/pdf/10.1145/3626772.3657807?casa_token=yBnSImHcfyQAAAAA:eWCs",
        ["doi:10.1145/3626772.3657807"],
    ),
    ("https://dl.acm.org/doi/abs/10.1145/3700791", ["doi:10.1145/3700791"]),
    ("https://dl.acm.org/doi/full/10.1145/3700791", ["doi:10.1145/3700791"]),
    ("https://onlinelibrary.wiley.com/doi/pdf/10.1002/jrsm.1710", ["doi:10.1002/jrsm.1710"]),
    ("https://www.pnas.org/doi/10.1073/pnas.2305016120", ["doi:10.1073/pnas.2305016120"]),
    (
        "https://www.nature.com/articles/s41586-024-07566-y",
        ["doi:10.1038/s41586-024-07566-y"],
    ),
    (
        "https://www.nature.com/articles/s42256-025-01066-y",
        ["doi:10.1038/s42256-025-01066-y"],
    ),
    (
        "https://link.springer.com/content/pdf/10.1186/s40537-024-00928-3.pdf",
        ["doi:10.1186/s40537-024-00928-3"],
    ),
    (
        "https://direct.mit.edu/coli/article-pdf/doi/10.1162/coli_a_00515/2348416/coli_a_00515.pdf",
        ["doi:10.1162/coli_a_00515"],
    ),
    (
        "https://www.tandfonline.com/doi/epdf/10.1080/17452007.2025.2456768?needAccess=true",
        ["doi:10.1080/17452007.2025.2456768"],
    ),
    (
        "https://scholar.google.com/scholar_url?url=https://dl.acm.org/doi/pdf/"
        "10.1145/3613904.3641960%3Fcasa_token%3DTtIknMAB90wAAAAA&hl=zh-CN&sa=T",
        ["doi:10.1145/3613904.3641960"],
    ),
    ("https://dx.doi.org/10.1000/ABC.", ["doi:10.1000/abc"]),
    # ACL Anthology
    ("https://aclanthology.org/2024.acl-long.840/", ["acl:2024.acl-long.840"]),
    ("https://aclanthology.org/2023.emnlp-main.112.pdf", ["acl:2023.emnlp-main.112"]),
    ("https://aclanthology.org/2024.findings-acl.390/", ["acl:2024.findings-acl.390"]),
    ("https://aclanthology.org/2024.tacl-1.27/", ["acl:2024.tacl-1.27"]),
    ("https://aclanthology.org/D16-1139/", ["acl:D16-1139"]),
    ("https://www.aclweb.org/anthology/P19-1001.pdf", ["acl:P19-1001"]),
    ("https://aclanthology.org/2024.trac-1.pdf#page=49", []),  # a whole volume
    # OpenReview
    ("https://openreview.net/forum?id=S37hOerQLB", ["openreview:S37hOerQLB"]),
    ("https://openreview.net/pdf?id=wcSx5VjTPP", ["openreview:wcSx5VjTPP"]),
    ("https://openreview.net/attachment?id=Oc8Cteojey&name=pdf", ["openreview:Oc8Cteojey"]),
    ("https://openreview.net/forum?id=t3z6UlV09o#discussion", ["openreview:t3z6UlV09o"]),
    ("https://openreview.net/forum?id=H8cx0iO-y-9", ["openreview:H8cx0iO-y-9"]),
    ("https://openreview.net/pdf/7b79429056d9d05232854cd6819ad0eef053ec70.pdf", []),
    # NeurIPS, PMLR, AAAI
    (
        "https://proceedings.neurips.cc/paper_files/paper/2023/file/"
        "91f18a1287b398d378ef22505bf41832-Paper-Datasets_and_Benchmarks.pdf",
        ["neurips:2023/91f18a1287b398d378ef22505bf41832"],
    ),
    (
        "https://proceedings.neurips.cc/paper_files/paper/2022/hash/"
        "639a9a172c044fbb64175b5fad42e9a5-Abstract-Conference.html",
        ["neurips:2022/639a9a172c044fbb64175b5fad42e9a5"],
    ),
    (
        "https://papers.nips.cc/paper_files/paper/2024/file/"
        "1b57aaddf85ab01a2445a79c9edc1f4b-Paper-Conference.pdf",
        ["neurips:2024/1b57aaddf85ab01a2445a79c9edc1f4b"],
    ),
    ("https://proceedings.mlr.press/v235/burns24b.html", ["pmlr:v235/burns24b"]),
    ("https://proceedings.mlr.press/v225/goel23a/goel23a.pdf", ["pmlr:v225/goel23a"]),
    ("https://ojs.aaai.org/index.php/AAAI/article/view/29754", ["aaai:29754"]),
    ("https://ojs.aaai.org/index.php/AAAI/article/view/30178/32091", ["aaai:30178"]),
    ("https://ojs.aaai.org/index.php/AAAI/article/download/34645/36800", ["aaai:34645"]),
    # GitHub and Hugging Face
    ("https://github.com/nlpxucan/WizardLM", ["github:nlpxucan/wizardlm"]),
    ("https://github.com/ntunlp/kmlm.git", ["github:ntunlp/kmlm"]),
    (
        "https://github.com/dptech-corp/Uni-SMART/tree/main/SciLitLLM",
        ["github:dptech-corp/uni-smart"],
    ),
    ("https://github.com/pariskang", []),
    ("https://github.com/topics/llm", []),
    ("https://meta-math.github.io/", []),
    ("https://junzhan2000.github.io/AnyGPT.github.io/", []),
    ("https://huggingface.co/ datasets/Vivacem/MMIQC", ["hf-dataset:Vivacem/MMIQC"]),
    (
        "https://huggingface.co/datasets/AI-MO/aimo-validation-amc",
        ["hf-dataset:AI-MO/aimo-validation-amc"],
    ),
    ("https://huggingface.co/datasets/gsm8k/viewer", ["hf-dataset:gsm8k"]),
    ("https://huggingface.co/ashvini/Arithmo-Mistral-7B", ["hf-model:ashvini/Arithmo-Mistral-7B"]),
    ("https://huggingface.co/roneneldan", []),
    ("https://huggingface.co/blog/mlabonne/agentic-datagen", []),
    ("https://huggingface.co/spaces/a/b", []),
    ("https://huggingface.co/docs/a/b", []),
    ("https://huggingface.co/", []),
    # Nothing to read
    ("https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=10683735", []),
    ("https://www.rivista.ai/wp-content/uploads/2024/10/2407.19594v2.pdf", []),
    ("http://javascript:void()", []),
    ("#applications", []),
]


@pytest.mark.parametrize(("url", "expected"), URL_CASES)
def test_identifiers_from_url(url, expected):
    assert identifiers_from_url(url) == ids(*expected)


def test_identifiers_are_sorted_and_unique():
    found = identifiers_from_url("https://github.com/a/b/blob/main/10.1234/xyz")
    assert found == ids("doi:10.1234/xyz", "github:a/b")
    text = "arXiv:2305.10429 and arXiv 2305.10429v2 (https://arxiv.org/abs/2305.10429)"
    assert identifiers_from_text(text) == ids("arxiv:2305.10429")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("see arXiv:2305.10429 for details", ["arxiv:2305.10429"]),
        ("arXiv 2305.10429v2", ["arxiv:2305.10429"]),
        ("ArXiv: 2101.00004v3", ["arxiv:2101.00004"]),
        ("arXiv:hep-th/9901001", ["arxiv:hep-th/9901001"]),
        ("preprint at arxiv.org/abs/2101.00001.", ["arxiv:2101.00001"]),
        ("(doi:10.1145/3626772.3657807).", ["doi:10.1145/3626772.3657807"]),
        ("DOI 10.1000/XYZ(abc)", ["doi:10.1000/xyz(abc)"]),
        ("https://doi.org/10.1038/nature14539.", ["doi:10.1038/nature14539"]),
        ("10.48550/arXiv.2305.10429", ["arxiv:2305.10429"]),
        ("code at https://github.com/a/b", []),
        ("version 2305.10429 of nothing", []),
        ("", []),
    ],
)
def test_identifiers_from_text(text, expected):
    assert identifiers_from_text(text) == ids(*expected)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("https://github.com/tatsu-lab/stanford_alpaca", WorkKind.SOFTWARE),
        ("https://github.com/pariskang", None),
        ("https://tiger-ai-lab.github.io/MAmmoTH/", None),
        ("https://huggingface.co/datasets/tomg-group-umd/GenQA", WorkKind.DATASET),
        ("https://huggingface.co/ashvini/Arithmo-Mistral-7B", WorkKind.MODEL),
        ("https://huggingface.co/blog/synthetic-data-save-costs", WorkKind.BLOG),
        ("https://huggingface.co/papers/2305.10429", WorkKind.PAPER),
        ("https://cobusgreyling.medium.com/llm-driven-synthetic-data", WorkKind.BLOG),
        ("https://medium.com/@someone/post-1", WorkKind.BLOG),
        ("https://research.google/blog/codeclm-aligning", WorkKind.BLOG),
        ("https://cookbook.openai.com/examples/sdg1", WorkKind.BLOG),
        ("https://blog.csdn.net/qq_43688587/article/details/148533722", WorkKind.BLOG),
        ("https://www.databricks.com/blog/2023/04/12/dolly", WorkKind.BLOG),
        ("https://www.confident-ai.com/blog/the-definitive-guide", WorkKind.BLOG),
        ("https://arxiv.org/abs/2305.10429", WorkKind.PAPER),
        ("https://aclanthology.org/2024.acl-long.840/", WorkKind.PAPER),
        ("https://openreview.net/forum?id=S37hOerQLB", WorkKind.PAPER),
        ("https://proceedings.neurips.cc/paper_files/paper/2023/hash/x", WorkKind.PAPER),
        ("https://proceedings.mlr.press/v235/burns24b.html", WorkKind.PAPER),
        ("https://ojs.aaai.org/index.php/AAAI/article/view/29754", WorkKind.PAPER),
        ("https://dl.acm.org/doi/pdf/10.1145/3700791", WorkKind.PAPER),
        ("https://ieeexplore.ieee.org/stamp/stamp.jsp?tp=&arnumber=10683735", WorkKind.PAPER),
        ("https://link.springer.com/chapter/10.1007/978-981-97-5501-1_30", WorkKind.PAPER),
        ("https://www.nature.com/articles/s41586-024-07566-y", WorkKind.PAPER),
        ("https://onlinelibrary.wiley.com/doi/pdf/10.1002/jrsm.1710", WorkKind.PAPER),
        ("https://www.pnas.org/doi/10.1073/pnas.2305016120", WorkKind.PAPER),
        ("https://www.researchgate.net/profile/x/publication/1_y", WorkKind.PAPER),
        ("https://doi.org/10.1145/3636243.3636256", WorkKind.PAPER),
        ("https://www.cell.com/iscience/fulltext/S2589-0042(23)00537-0", WorkKind.PAPER),
        ("https://www.semanticscholar.org/paper/abc", WorkKind.PAPER),
        (
            "https://scholar.google.com/scholar_url?url=https://dl.acm.org/doi/pdf/10.1145/1.2",
            WorkKind.PAPER,
        ),
        ("https://osf.io/ctgqx/", None),
        ("https://pie4perf.com/", None),
        ("javascript:void(0)", None),
    ],
)
def test_classify_url(url, kind):
    assert classify_url(url) == kind


# URLs built from the patterns the extractors understand, with noise a list may add.
ARXIV_NEW = st.from_regex(r"\A[0-9]{4}\.[0-9]{4,5}\Z")
OPENREVIEW_ID = st.from_regex(r"\A[A-Za-z0-9_-]{6,12}\Z")
NAME = st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9_.-]{0,15}\Z")
HEX32 = st.from_regex(r"\A[0-9a-f]{32}\Z")
NOISE = st.sampled_from(["", "/", "?x=1", "#frag", " ", ">", "%zz", "{", "v2", ".pdf"])
PATTERN_URLS = st.one_of(
    st.builds(
        "https://arxiv.org/{}/{}{}".format, st.sampled_from(["abs", "pdf"]), ARXIV_NEW, NOISE
    ),
    st.builds("https://doi.org/10.{}/{}{}".format, st.integers(1000, 99999), NAME, NOISE),
    st.builds("https://openreview.net/forum?id={}{}".format, OPENREVIEW_ID, NOISE),
    st.builds("https://github.com/{}/{}{}".format, NAME, NAME, NOISE),
    st.builds("https://huggingface.co/datasets/{}/{}{}".format, NAME, NAME, NOISE),
    st.builds("https://huggingface.co/{}/{}{}".format, NAME, NAME, NOISE),
    st.builds(
        "https://proceedings.neurips.cc/paper_files/paper/{}/file/{}-Paper.pdf{}".format,
        st.integers(1987, 2030),
        HEX32,
        NOISE,
    ),
    st.builds(
        "https://aclanthology.org/{}.acl-long.{}{}".format,
        st.integers(2000, 2030),
        st.integers(1, 2000),
        NOISE,
    ),
    st.builds("https://proceedings.mlr.press/v{}/{}{}".format, st.integers(1, 300), NAME, NOISE),
    st.builds(
        "https://ojs.aaai.org/index.php/AAAI/article/view/{}{}".format, st.integers(1, 10**6), NOISE
    ),
    st.builds("{}{}{}".format, st.sampled_from([" ", "<", ""]), st.text(max_size=20), NOISE),
)


@FAST
@given(PATTERN_URLS)
def test_identifiers_survive_safe_url(url):
    safe = safe_url(url)
    if safe is not None:
        assert identifiers_from_url(safe) == identifiers_from_url(url)
        assert classify_url(safe) == classify_url(url)


@FAST
@given(st.one_of(PATTERN_URLS, st.text()))
def test_safe_url_is_idempotent_and_clean(url):
    safe = safe_url(url)
    if safe is not None:
        assert safe_url(safe) == safe
        assert safe.startswith(("http://", "https://"))
        assert not any(ch.isspace() or ch in '<>"{}|\\^`' for ch in safe)


@FAST
@given(st.text())
def test_safe_url_is_a_valid_iri(text):
    ox = pytest.importorskip("pyoxigraph")
    for url in ("https://x.org/" + text, "https://" + text, f"https://x.org/?q={text}#{text}"):
        safe = safe_url(url)
        if safe is not None:
            ox.NamedNode(safe)  # raises ValueError on anything RFC 3987 forbids


@FAST
@given(st.text())
def test_functions_are_total(text):
    safe_url(text)
    identifiers_from_url(text)
    identifiers_from_text(text)
    classify_url(text)
    identifiers_from_url("https://arxiv.org/abs/" + text)
    identifiers_from_url("https://openreview.net/forum?id=" + text)
    classify_url("https://huggingface.co/" + text)
