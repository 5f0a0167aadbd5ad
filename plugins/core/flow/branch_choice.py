"""Remembering which branch a conditional flowable chose, so its condition is rendered
once per taskrun and later rounds follow the same branch."""


def chosen(rt, taskrun, decide):
    memo = rt.memo(taskrun)
    if "branch" not in memo:
        memo["branch"] = decide()
        rt.save_memo(taskrun)
    return memo["branch"]
