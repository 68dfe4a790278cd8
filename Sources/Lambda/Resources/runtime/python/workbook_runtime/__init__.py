"""The workbook's Python bootstrap helpers, shown to handlers under /var/runtime.

Clean-room: written from Lambda's documented Runtime API and the observable behaviour of
Lambda's Python runtime (reference/aws-behavior.md §2.2, §2.5), not from its code.
"""
