"""claimmark's modal dialogs. Each is a `ModalScreen` that dismisses with a value
(None, or False for the yes/no question, when cancelled) and is driven by keys alone."""

from tui.dialogs.claim import ClaimDialog, ClaimFormResult
from tui.dialogs.confirm import ConfirmDialog
from tui.dialogs.help import HelpScreen
from tui.dialogs.note import NoteDialog
from tui.dialogs.prompt import PromptDialog
from tui.dialogs.tags import TagsDialog

__all__ = [
    "ClaimDialog",
    "ClaimFormResult",
    "ConfirmDialog",
    "HelpScreen",
    "NoteDialog",
    "PromptDialog",
    "TagsDialog",
]
