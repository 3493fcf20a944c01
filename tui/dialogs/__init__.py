"""claimmark's modal dialogs. Each is a `ModalScreen` that dismisses with a value
(None, or False for the yes/no question, when cancelled) and is driven by keys alone."""

from claimmark.tui.dialogs.claim import ClaimDialog, ClaimFormResult
from claimmark.tui.dialogs.confirm import ConfirmDialog
from claimmark.tui.dialogs.help import HelpScreen
from claimmark.tui.dialogs.note import NoteDialog
from claimmark.tui.dialogs.prompt import PromptDialog
from claimmark.tui.dialogs.tags import TagsDialog

__all__ = [
    "ClaimDialog",
    "ClaimFormResult",
    "ConfirmDialog",
    "HelpScreen",
    "NoteDialog",
    "PromptDialog",
    "TagsDialog",
]
