"""The engine: the executor decides, workers run, the runner drives both in-process.

Every decision is written to the database before it counts, so any process can die
at any point and another resumes the execution from what is stored.
"""
