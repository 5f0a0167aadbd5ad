from .helpers import only_error, parse, with_tasks


def test_labels_as_a_map_become_key_value_pairs():
    spec = parse(with_tasks("""
        id: labels
        namespace: company.team
        labels:
          team: data
          priority: 1
          critical: true
        """))
    assert spec.labels == [{"key": "team", "value": "data"}, {"key": "priority", "value": "1"},
                           {"key": "critical", "value": "true"}]


def test_labels_as_a_list_are_kept():
    spec = parse(with_tasks("""
        id: labels
        namespace: company.team
        labels:
          - key: team
            value: data
        """))
    assert spec.labels == [{"key": "team", "value": "data"}]


def test_a_label_without_a_value_is_refused():
    error = only_error(with_tasks("""
        id: labels
        namespace: company.team
        labels:
          team: data
          owner:
        """))
    assert (error.path, error.line) == ("labels.owner", 5)


def test_system_labels_are_kestras_own():
    error = only_error(with_tasks("""
        id: labels
        namespace: company.team
        labels:
          system.correlationId: mine
          system.readOnly: "true"
        """))
    assert (error.path, error.line) == ("labels.system.correlationId", 4)


def test_labels_must_be_a_map_or_a_list():
    error = only_error(with_tasks("""
        id: labels
        namespace: company.team
        labels: team
        """))
    assert (error.path, error.line) == ("labels", 3)
