"""Exceptions that carry the exact texts the contract prints."""


# ANCHOR: row_error
class InvalidValue(ValueError):
    """A field's text breaks the contract; ``str(error)`` is the reason shown to the user."""


class InvalidField(Exception):
    """A row is invalid: ``subject`` names the column (or ``record``), ``reason`` says why."""

    def __init__(self, subject: str, reason: str) -> None:
        super().__init__(f"{subject}: {reason}")
        self.subject = subject
        self.reason = reason


# ANCHOR_END: row_error
