"""A jq process for jq_bounded.py: reads one request a line on stdin - {"program",
"text"} or {"program", "value"}, and "max_output" - and writes one answer a line:
{"results": [...]} or {"error": "..."}. Run as a script (it imports nothing of the
project); it ends when its stdin closes, so it never outlives the process it serves."""
import json
import resource
import sys
from functools import lru_cache

import jq


@lru_cache(maxsize=256)
def compiled(program: str):
    return jq.compile(program)


def answer(request: dict) -> dict:
    try:
        program = compiled(request["program"])
        if "text" in request:
            results = program.input_text(request["text"]).all()
        else:
            results = program.input_value(request["value"]).all()
    except ValueError as exc:
        return {"error": str(exc)}
    return {"results": results}


# A program doubling a string reaches gigabytes well within a render's timeout: past
# this much memory jq's allocation fails and the process ends (reported as such).
MEMORY_BYTES = 1 << 30


def main() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    for line in sys.stdin:
        request = json.loads(line)
        reply = json.dumps(answer(request), ensure_ascii=False)
        if len(reply) > request["max_output"]:
            reply = json.dumps({"too_large": len(reply)})
        sys.stdout.write(reply + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
