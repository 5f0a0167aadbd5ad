"""A WorkingDirectory's `namespaceFiles` and `cache` are checked when the flow is saved,
key by key with their lines, as Kestra's YamlParser reads WorkingDirectory's
NamespaceFiles and WorkingDirectory.Cache (FAIL_ON_UNKNOWN_PROPERTIES, @NotNull
patterns) - not only once the task runs."""
from .helpers import errors_of, parse


def found(text: str) -> set:
    return {(e.path, e.line) for e in errors_of(text)}


def test_it_rejects_unknown_namespace_files_and_cache_keys():
    errors = errors_of("""
        id: wd
        namespace: company.team
        tasks:
          - id: dir
            type: io.kestra.plugin.core.flow.WorkingDirectory
            namespaceFiles:
              enabled: true
              inclued: ["*.py"]
            cache:
              patterns: ["*.txt"]
              tll: PT1H
            tasks:
              - id: t
                type: test.spec.Echo
                format: x
        """)
    assert {(e.path, e.line) for e in errors} == {("tasks[0].namespaceFiles.inclued", 8),
                                                  ("tasks[0].cache.tll", 11)}
    messages = {e.message for e in errors}
    assert ("unknown property 'inclued' of namespaceFiles; known: enabled, include, exclude, namespaces, "
            "folderPerNamespace, ifExists (task 'dir')") in messages
    assert "unknown property 'tll' of cache; known: patterns, ttl (task 'dir')" in messages


def test_it_rejects_wrong_values_and_a_cache_without_patterns():
    assert found("""
        id: wd
        namespace: company.team
        tasks:
          - id: dir
            type: io.kestra.plugin.core.flow.WorkingDirectory
            namespaceFiles: {enabled: maybe, ifExists: REPLACE}
            cache:
              ttl: soon
            tasks:
              - id: t
                type: test.spec.Echo
                format: x
        """) == {("tasks[0].namespaceFiles.enabled", 6), ("tasks[0].namespaceFiles.ifExists", 6),
                 ("tasks[0].cache.ttl", 8), ("tasks[0].cache.patterns", 8)}


def test_it_accepts_kestras_keys_and_expressions():
    parse("""
        id: wd
        namespace: company.team
        tasks:
          - id: dir
            type: io.kestra.plugin.core.flow.WorkingDirectory
            namespaceFiles:
              enabled: "{{ true }}"
              include: ["*.py"]
              exclude: scratch/**
              namespaces: [company, company.team]
              folderPerNamespace: true
              ifExists: warn
            cache: {patterns: ["*.txt"], ttl: PT1H}
            tasks:
              - id: t
                type: test.spec.Echo
                format: x
        """)


def test_it_rejects_patterns_it_cannot_read():
    """Java's PathMatcher throws on an unclosed `[` or `{` (Globs.toRegexPattern), and a
    `regex:` pattern that does not compile (PathMatcherPredicate); one with an
    expression is read once rendered."""
    errors = errors_of("""
        id: wd
        namespace: company.team
        tasks:
          - id: dir
            type: io.kestra.plugin.core.flow.WorkingDirectory
            outputFiles: ["*.{csv,tsv", "{{ inputs.glob }}["]
            cache:
              patterns: "[abc"
            namespaceFiles:
              include: ["regex:(a", "scripts/**"]
            tasks:
              - id: t
                type: test.spec.Echo
                format: x
        """)
    assert [(e.path, e.line) for e in errors] == [("tasks[0].outputFiles[0]", 6), ("tasks[0].cache.patterns", 7),
                                                  ("tasks[0].namespaceFiles.include[0]", 9)]
    assert errors[0].message == "unclosed '{' in the glob '*.{csv,tsv' (task 'dir')"
    assert errors[2].message.startswith("Invalid regular expression '(a'")
