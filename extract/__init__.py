"""Pure text processing: normalization, segmentation, TIMEX tagging, events.

Nothing here imports Textual, Rich or SQLite, so it can run headless, on a
server or inside a distributed job.
"""
