#!/usr/bin/env python
"""How much of a corpus of Kestra flows loads here: `python scripts/kestra_corpus.py DIR...`.

Issue 16 measures the plugins by two corpora we may read but not copy: the flows of
Kestra's own `core/src/test/resources/flows/valids/` and Kestra's blueprints
(github.com/kestra-io/blueprints, `flows/`). Each file is parsed and validated as
`loadflows` would (nothing is saved) and counted as one of:

- loads;
- uses a type we do not have: Kestra's test-only types (`io.kestra.core.tasks.test.`,
  `io.kestra.core.runners.test.`) apart, the rest by type name, most used first;
- invalid for another reason: printed with its errors, since each is a gap to close.

A blueprint file carries the catalog's metadata in a top-level `extend:` block, which
is not part of the flow (the blueprints API serves the flow without it): it is left out.
"""
from __future__ import annotations

import os
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST_ONLY = ("io.kestra.core.tasks.test.", "io.kestra.core.runners.test.")
UNKNOWN_TYPE = re.compile(r"unknown (?:\w+ )?type (\S+)")
# The blueprint catalog's `extend:` block, up to the next top-level key or the end.
BLUEPRINT_METADATA = re.compile(r"^extend:.*?(?=^\S|\Z)", re.M | re.S)


def setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kestraweb.settings")
    import django

    django.setup()


def main(paths: list[str]) -> int:
    setup_django()
    from flows.loading import FlowFileUnreadable, flow_files, read_flow_file
    from flows.spec import FlowInvalid, parse_flow

    loaded, test_only, unreadable = 0, 0, 0
    missing: Counter[str] = Counter()
    missing_files = 0
    other: list[tuple[Path, list[str]]] = []
    files = flow_files(paths)
    for path in files:
        try:
            parse_flow(BLUEPRINT_METADATA.sub("", read_flow_file(path)))
        except FlowFileUnreadable as exc:
            unreadable += 1
            other.append((path, [str(exc)]))
            continue
        except FlowInvalid as exc:
            messages = [f"{e.line}: {e.path}: {e.message}" for e in exc.errors]
            unknown = [m.group(1) for e in exc.errors if (m := UNKNOWN_TYPE.search(e.message))]
            ours_missing = {name for name in unknown if not name.startswith(TEST_ONLY)}
            if ours_missing:  # other errors of such a file may come from the unknown types
                missing_files += 1
                missing.update(ours_missing)
            elif unknown and len(unknown) == len(exc.errors):
                test_only += 1
            else:
                other.append((path, messages))
            continue
        loaded += 1
    for path, messages in other:
        print(f"{path}:")
        for message in messages:
            print(f"  {message}")
    if missing:
        print("\nTypes we do not have, by the number of files using them:")
        for name, count in missing.most_common():
            print(f"  {count:4d}  {name}")
    print(f"\n{len(files)} files: {loaded} load; {test_only} use only Kestra's test-only types; "
          f"{missing_files} use types we do not have; {len(other)} invalid otherwise.")
    return 1 if other else 0


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1:]))
