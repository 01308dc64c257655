"""Measured speed: broadcasts, punctuality of reminders, answers to questions, memory and start.

Each module runs with `python -m benchmarks.NAME` and prints one JSON line per figure;
`python -m benchmarks.all` runs them all and writes docs/benchmarks.md.
"""
