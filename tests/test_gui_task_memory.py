"""A finished background task leaves nothing behind (a tester's working day in the window: +60 MB a minute,
every search, ticket and week view keeping its finished tasks, their results and what their callbacks held:
the thread pool kept a reference to each task it had run, and a callback holding its task made a loop
through Qt that Python's collector cannot see)."""

from __future__ import annotations

import gc
import weakref

from elsdesk.gui.tasks import TaskRunner
from test_gui_main_window import seeded_db, window  # noqa: F401 - fixtures


def test_finished_tasks_their_results_and_callbacks_are_freed(qtbot):
    runner = TaskRunner()
    results, finished, refs = [], [], []

    class Result(list):
        """A result a weak reference can follow."""

    for quick in (True, False):
        for _ in range(10):
            task = runner.start(lambda _context: Result([0] * 10_000), on_success=results.append,
                                on_finished=lambda task: finished.append(task.name), quick=quick)
            refs.append(weakref.ref(task))
    del task
    qtbot.waitUntil(lambda: runner.running() == 0 and len(finished) == 20, timeout=20_000)
    result_refs = [weakref.ref(result) for result in results]
    results.clear()

    def all_freed() -> bool:
        gc.collect()
        return not [r for r in refs + result_refs if r() is not None]

    qtbot.waitUntil(all_freed, timeout=10_000)  # the tasks' signals go on the event loop's next turn


def test_every_callback_still_arrives_in_order_and_a_handle_answers_after_the_task_has_gone(qtbot):
    runner = TaskRunner()
    heard = []
    task = runner.start(lambda context: context.progress(1, 2) or "klar", on_progress=lambda d, t: heard.append(("progress", d)),
                        on_success=lambda r: heard.append(("success", r)), on_finished=lambda t: heard.append(("finished", t.name)),
                        name="sökning")
    qtbot.waitUntil(lambda: runner.running() == 0, timeout=10_000)
    assert heard == [("progress", 1), ("success", "klar"), ("finished", "sökning")]
    task.cancel()  # a view cancels an old task it still holds: no error once the pool has deleted it
    assert task.is_done() and task.cancelled


def test_closed_ticket_forms_and_profile_dialogs_do_not_pile_up(qtbot, window):  # noqa: F811
    """The same working day: each ticket opened and each switch of profile left its closed dialog, with its
    widgets, in memory for the rest of the session."""
    from elsdesk.gui.profile_dialog import ProfileDialog
    from elsdesk.gui.ticket_form import TicketFormDialog

    for _ in range(3):
        form = window.new_ticket()
        form.reject()  # an untouched form closes at once
        dialog = window.choose_profile()
        dialog.reject()
    qtbot.waitUntil(lambda: not window.findChildren(TicketFormDialog) and not window.findChildren(ProfileDialog))


def test_a_task_is_settled_only_once_its_result_has_reached_its_owner(qtbot):
    """A thread done is not a result shown: an owner that started its next run by the thread's end ran beside a
    result still queued for the GUI thread (the Utbildning tab once loaded a stale week so)."""
    runner = TaskRunner()
    shown = []
    task = runner.start(lambda _context: "resultat", on_success=shown.append)
    assert runner.pool.waitForDone(10_000)  # the thread is done; the GUI thread has not turned since
    assert task.is_done() and not task.is_settled() and shown == []
    qtbot.waitUntil(task.is_settled, timeout=10_000)
    assert shown == ["resultat"]
