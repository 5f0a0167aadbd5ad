"""Namespace files as Kestra's InternalNamespace keeps them: under
`/<namespace as folders>/_files/`, listed with include/exclude as Kestra's
PathMatcherPredicate reads them (NamespaceFileTest, PathMatcherPredicateTest)."""
import pytest

from storage.namespace_files import BadNamespaceFilePath, NamespaceFileNotFound, NamespaceFiles


@pytest.fixture
def files():
    files = NamespaceFiles("company.team")
    for path in ("scripts/etl.py", "scripts/lib/util.py", "queries/q.sql", "README.md"):
        files.write(path, path.encode())
    return files


def test_it_stores_files_under_the_namespace_folders(files, settings):
    assert files.uri("/scripts/etl.py") == "kestra:///company/team/_files/scripts/etl.py"
    assert (settings.STORAGE_DIR / "company/team/_files/scripts/etl.py").read_bytes() == b"scripts/etl.py"


def test_it_lists_every_file_sorted_without_patterns(files):
    assert files.list() == ["README.md", "queries/q.sql", "scripts/etl.py", "scripts/lib/util.py"]


def test_it_keeps_included_files_and_drops_excluded_ones(files):
    assert files.list(include=["scripts/**"]) == ["scripts/etl.py", "scripts/lib/util.py"]
    assert files.list(include=["etl.py"]) == ["scripts/etl.py"]  # a pattern starting with a word matches at any depth
    assert files.list(include=["*.py"]) == []  # as in Kestra: paths start with `/`, which `*` does not cross
    assert files.list(include=["/scripts/*.py"]) == ["scripts/etl.py"]
    assert files.list(exclude=["**/lib/**", "**.md"]) == ["queries/q.sql", "scripts/etl.py"]
    assert files.list(include=["regex:.*\\.(sql|md)"]) == ["README.md", "queries/q.sql"]
    assert files.list(include=["**.{sql,md}"]) == ["README.md", "queries/q.sql"]


def test_it_reads_back_what_was_written(files):
    assert files.read("queries/q.sql") == b"queries/q.sql"
    assert files.exists("README.md") and not files.exists("nope.txt")
    with pytest.raises(NamespaceFileNotFound, match="nope.txt"):
        files.read("nope.txt")


def test_it_keeps_namespaces_apart(files):
    assert NamespaceFiles("company").list() == []
    assert NamespaceFiles("company.team.sub").list() == []


def test_it_refuses_paths_that_climb_out(files):
    for path in ("../other/_files/x", "scripts/../../x", ""):
        with pytest.raises(BadNamespaceFilePath):
            files.uri(path)
