//! When the background sync runs a round, as a pure state machine: [`next`] takes the
//! [`Schedule`] and one [`Event`] (a kick from a screen or the browser, a timer, the driver's
//! answers) and returns the new schedule and the [`Action`]s to take. It does no I/O and reads no
//! clock, so the table of cases below is the behaviour; `service` is the thin driver that turns
//! actions into signals, timers and requests and feeds their results back as events (atuin
//! computes its sync plan the same way).
//!
//! The rules: a change waits for the debounce so typing a word sends one request; "sync now", a
//! timer or the connection coming back start a round at once; before a round the driver hands
//! over every kick that queued up (they are covered by the round, except another tab's save,
//! which is taken in first) and says whether there is a session and a connection; after a round
//! the next timer is the minute's pull, or while rounds fail the backoff's retry.
//!
//! Live sync: after every round that went through, while the page is shown, one long poll
//! (`GET /v1/sync/wait`) runs. When it says another device pushed, a round starts at once (and
//! the header stops saying "synced": something newer is known to be on the server); when it
//! runs out with nothing new, the next one starts. It stops before each round (the round moves
//! the cursor it waits on), when the page is hidden and when the browser goes offline; the next
//! round that goes through starts it again, and showing the page runs that round at once. A
//! wait that fails waits out the backoff, counted apart from the rounds' failures so that a
//! server whose rounds work and whose waits fail is not asked again every second.

use std::time::Duration;

use kosh_shared::sync::Backoff;

use super::SyncState;

/// How long after a change the round starts, so typing a word sends one request, not ten.
pub const DEBOUNCE: Duration = Duration::from_millis(800);
/// How often an idle app asks for other devices' changes.
pub const PULL_EVERY: Duration = Duration::from_secs(60);

/// Retry schedule while unreachable: one second doubling to 30 s. Shorter than the shared
/// default's five minutes because this runs only while the app is open: a person looking at
/// the screen should see "synced" soon after the connection returns.
pub const RETRY: Backoff = Backoff {
    base: Duration::from_secs(1),
    cap: Duration::from_secs(30),
};

/// Why the sync task should run a round.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kick {
    /// Something changed: run after the debounce.
    Changed,
    /// The person asked, or the connection came back: run now.
    Now,
    /// The browser says the connection is gone: say "offline" without waiting for a round to fail.
    WentOffline,
    /// Another tab of the app saved: take in its state before anything else happens here.
    StoredElsewhere,
    /// The page was hidden (another app, the screen off): stop the live wait.
    Hidden,
    /// The page is shown again: catch up at once, then wait live again.
    Shown,
}

/// How a round ended, as far as the schedule cares.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RoundEnd {
    /// Pushed and pulled.
    Synced,
    /// The server could not be reached (or answered "try later"): retry with backoff.
    Unreachable,
    /// The session is gone; the answers stay on the phone until the person signs in again.
    SignedOut,
    /// The server refused for a reason that is not the connection; `code` is shown in settings.
    Refused { code: String },
}

/// How a live wait (`GET /v1/sync/wait`) ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WaitEnd {
    /// Another device pushed after this phone's cursor: sync now.
    News,
    /// The wait ran out with nothing new (or the server is stopping): wait again.
    Quiet,
    /// The server could not be reached or refused: back off, then a round and a new wait.
    Failed,
    /// The session is gone: no more waits until a round goes through again.
    SignedOut,
}

/// Something the schedule reacts to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event {
    /// A screen or the browser asked (see [`Kick`]).
    Kick(Kick),
    /// The timer set by the last [`Action::Sleep`] ran out.
    TimerFired,
    /// The driver's answer to [`Action::Check`], given after it handed over the queued kicks.
    Checked {
        /// Whether there is a session to sync with.
        signed_in: bool,
        /// Whether the browser says there is no connection at all (never so off the web).
        offline: bool,
    },
    /// The round started by [`Action::Round`] ended.
    RoundEnded(RoundEnd),
    /// The wait started by [`Action::Wait`] ended.
    WaitEnded(WaitEnd),
}

/// What the driver does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// Show this state in the header.
    Show(SyncState),
    /// Show the state for when no round runs ("synced" or "saved on this phone"), which the
    /// driver reads from the vault.
    ShowIdle,
    /// Take in what another tab saved.
    Reload,
    /// Replace the timer: fire [`Event::TimerFired`] after `timer`'s delay.
    Sleep(Timer),
    /// Hand over every queued kick as [`Event::Kick`], then answer with [`Event::Checked`].
    Check,
    /// Run one round and answer with [`Event::RoundEnded`].
    Round,
    /// Set (or clear) the last refusal shown in settings.
    LastError(Option<String>),
    /// Start a live wait at the vault's cursor and answer with [`Event::WaitEnded`].
    Wait,
    /// Drop the live wait in flight; its answer never comes.
    StopWait,
}

/// Which timer to set; [`Timer::delay`] says how long it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Timer {
    /// The wait after a change.
    Debounce,
    /// The idle minute between pulls.
    Pull,
    /// The `attempt`-th retry (from 0) after failed rounds.
    Retry { attempt: u32 },
}

impl Timer {
    /// The delay; `unit` in `[0, 1)` is the retry's jitter.
    pub fn delay(self, unit: f64) -> Duration {
        match self {
            Timer::Debounce => DEBOUNCE,
            Timer::Pull => PULL_EVERY,
            Timer::Retry { attempt } => RETRY.delay(attempt, unit),
        }
    }
}

/// Where the sync task is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Phase {
    /// Waiting on a kick or the pull/retry timer.
    #[default]
    Waiting,
    /// A change came; the round starts when the debounce timer fires.
    Debouncing,
    /// A round is due; waiting on the driver's [`Event::Checked`].
    Checking,
    /// A round is running; waiting on [`Event::RoundEnded`].
    Syncing,
}

/// The schedule's whole state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Schedule {
    /// Where the task is.
    pub phase: Phase,
    /// Rounds failed in a row (not counting "signed out"); picks the retry delay.
    pub failures: u32,
    /// The live wait, beside the phase.
    pub live: Live,
}

/// The live wait's part of the schedule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Live {
    /// A wait is in flight.
    pub is_waiting: bool,
    /// The page is hidden: no wait runs.
    pub is_hidden: bool,
    /// Waits failed in a row; reset only by a wait that answers, not by a round.
    pub failures: u32,
}

impl Schedule {
    /// The timer to wait on when nothing is due: the retry while rounds fail, else the pull.
    fn idle_timer(self) -> Timer {
        match self.failures {
            0 => Timer::Pull,
            n => Timer::Retry { attempt: n - 1 },
        }
    }

    fn waiting(self, failures: u32) -> Schedule {
        Schedule {
            phase: Phase::Waiting,
            failures,
            ..self
        }
    }

    fn at(self, phase: Phase) -> Schedule {
        Schedule { phase, ..self }
    }

    fn with_live(self, live: Live) -> Schedule {
        Schedule { live, ..self }
    }

    /// This schedule with a wait started, if none runs and the page is shown, and the actions
    /// that start it (added to `actions`).
    fn start_wait(self, mut actions: Vec<Action>) -> (Schedule, Vec<Action>) {
        if self.live.is_waiting || self.live.is_hidden {
            return (self, actions);
        }
        actions.push(Action::Wait);
        let live = Live {
            is_waiting: true,
            ..self.live
        };
        (self.with_live(live), actions)
    }

    /// This schedule with the wait in flight dropped, and the actions that drop it (put before
    /// `actions`).
    fn stop_wait(self, actions: Vec<Action>) -> (Schedule, Vec<Action>) {
        if !self.live.is_waiting {
            return (self, actions);
        }
        let live = Live {
            is_waiting: false,
            ..self.live
        };
        let mut all = vec![Action::StopWait];
        all.extend(actions);
        (self.with_live(live), all)
    }
}

/// A wait's end, in any phase: the schedule no longer has a wait in flight.
fn wait_ended(schedule: Schedule, end: WaitEnd) -> (Schedule, Vec<Action>) {
    use Action::*;
    use Phase::*;
    let live = Live {
        is_waiting: false,
        failures: match end {
            WaitEnd::News | WaitEnd::Quiet => 0,
            WaitEnd::Failed => schedule.live.failures.saturating_add(1),
            WaitEnd::SignedOut => schedule.live.failures,
        },
        ..schedule.live
    };
    let schedule = schedule.with_live(live);
    match (schedule.phase, end) {
        // Say at once that the server has something newer, then fetch it.
        (Waiting, WaitEnd::News) => (schedule.at(Checking), vec![Show(SyncState::Syncing), Check]),
        (Waiting | Debouncing, WaitEnd::Quiet) => schedule.start_wait(vec![]),
        (Waiting, WaitEnd::Failed) => (
            schedule,
            vec![Sleep(Timer::Retry {
                attempt: live.failures - 1,
            })],
        ),
        (Waiting, WaitEnd::SignedOut) => (
            schedule,
            vec![Show(SyncState::SavedLocally), Sleep(Timer::Pull)],
        ),
        // A round is coming, which starts a new wait when it goes through.
        (Debouncing, _) | (Checking | Syncing, _) => (schedule, vec![]),
    }
}

/// One step of the schedule; see the module header for the rules.
pub fn next(schedule: Schedule, event: Event) -> (Schedule, Vec<Action>) {
    use Action::*;
    use Phase::*;
    let idle = schedule.idle_timer();
    match (schedule.phase, event) {
        (_, Event::WaitEnded(end)) => wait_ended(schedule, end),
        (_, Event::Kick(Kick::Hidden)) => {
            let live = Live {
                is_hidden: true,
                ..schedule.live
            };
            schedule.with_live(live).stop_wait(vec![])
        }
        (phase, Event::Kick(Kick::Shown)) => {
            let shown = schedule.with_live(Live {
                is_hidden: false,
                ..schedule.live
            });
            match phase {
                // Whatever came while hidden is fetched now; the round starts the wait again.
                Waiting => (shown.at(Checking), vec![Check]),
                _ => (shown, vec![]),
            }
        }
        // Another tab's save is taken in whenever it comes; while waiting the timer restarts.
        (Waiting, Event::Kick(Kick::StoredElsewhere)) => (schedule, vec![Reload, Sleep(idle)]),
        (_, Event::Kick(Kick::StoredElsewhere)) => (schedule, vec![Reload]),
        (Waiting, Event::Kick(Kick::Changed)) => (
            schedule.at(Debouncing),
            vec![Show(SyncState::SavedLocally), Sleep(Timer::Debounce)],
        ),
        (Waiting, Event::Kick(Kick::Now) | Event::TimerFired) | (Debouncing, Event::TimerFired) => {
            (schedule.at(Checking), vec![Check])
        }
        (Waiting, Event::Kick(Kick::WentOffline)) => {
            schedule.stop_wait(vec![Show(SyncState::Offline), Sleep(idle)])
        }
        // A round is already coming: it covers these kicks.
        (Debouncing | Checking | Syncing, Event::Kick(_)) => (schedule, vec![]),
        (Checking, Event::Checked { signed_in, offline }) => {
            if !signed_in {
                (
                    schedule.waiting(schedule.failures),
                    vec![Show(SyncState::SavedLocally), Sleep(idle)],
                )
            } else if offline {
                // No request to wait on: the browser's `online` kick starts the next round.
                (
                    schedule.waiting(schedule.failures),
                    vec![Show(SyncState::Offline), Sleep(idle)],
                )
            } else {
                // The round moves the cursor the wait is on: a new wait follows the round.
                schedule
                    .at(Syncing)
                    .stop_wait(vec![Show(SyncState::Syncing), Round])
            }
        }
        (Syncing, Event::RoundEnded(end)) => {
            let failed = schedule.waiting(schedule.failures.saturating_add(1));
            match end {
                RoundEnd::Synced => schedule.waiting(0).start_wait(vec![
                    LastError(None),
                    ShowIdle,
                    Sleep(Timer::Pull),
                ]),
                RoundEnd::Unreachable => (
                    failed,
                    vec![Show(SyncState::Offline), Sleep(failed.idle_timer())],
                ),
                RoundEnd::SignedOut => (
                    schedule.waiting(0),
                    vec![Show(SyncState::SavedLocally), Sleep(Timer::Pull)],
                ),
                RoundEnd::Refused { code } => (
                    failed,
                    vec![
                        LastError(Some(code)),
                        Show(SyncState::SavedLocally),
                        Sleep(failed.idle_timer()),
                    ],
                ),
            }
        }
        // Answers nobody asked for (a stale timer, a late result): nothing to do.
        (_, Event::TimerFired | Event::Checked { .. } | Event::RoundEnded(_)) => (schedule, vec![]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Action::*;
    use rstest::rstest;

    fn at(phase: Phase, failures: u32) -> Schedule {
        Schedule {
            phase,
            failures,
            live: Live::default(),
        }
    }

    /// `at(phase, failures)` with a wait in flight.
    fn live(phase: Phase, failures: u32) -> Schedule {
        let mut s = at(phase, failures);
        s.live.is_waiting = true;
        s
    }

    /// `at(phase, 0)` with the page hidden.
    fn hidden(phase: Phase) -> Schedule {
        let mut s = at(phase, 0);
        s.live.is_hidden = true;
        s
    }

    /// `at(Waiting, 0)` after `n` failed waits.
    fn failed_waits(n: u32) -> Schedule {
        let mut s = at(Phase::Waiting, 0);
        s.live.failures = n;
        s
    }

    const ONLINE: Event = Event::Checked {
        signed_in: true,
        offline: false,
    };

    #[rstest]
    #[case::start_or_sync_now(
        at(Phase::Waiting, 0), Event::Kick(Kick::Now), at(Phase::Checking, 0), vec![Check])]
    #[case::the_minute_pull(
        at(Phase::Waiting, 0), Event::TimerFired, at(Phase::Checking, 0), vec![Check])]
    #[case::a_change_waits_for_the_debounce(
        at(Phase::Waiting, 0), Event::Kick(Kick::Changed), at(Phase::Debouncing, 0),
        vec![Show(SyncState::SavedLocally), Sleep(Timer::Debounce)])]
    #[case::more_typing_is_covered(
        at(Phase::Debouncing, 0), Event::Kick(Kick::Changed), at(Phase::Debouncing, 0), vec![])]
    #[case::the_debounce_ends(
        at(Phase::Debouncing, 0), Event::TimerFired, at(Phase::Checking, 0), vec![Check])]
    #[case::queued_kicks_are_covered(
        at(Phase::Checking, 0), Event::Kick(Kick::Now), at(Phase::Checking, 0), vec![])]
    #[case::another_tab_saved_before_the_round(
        at(Phase::Checking, 0), Event::Kick(Kick::StoredElsewhere), at(Phase::Checking, 0),
        vec![Reload])]
    #[case::another_tab_saved_while_idle(
        at(Phase::Waiting, 2), Event::Kick(Kick::StoredElsewhere), at(Phase::Waiting, 2),
        vec![Reload, Sleep(Timer::Retry { attempt: 1 })])]
    #[case::online_a_round_runs(
        at(Phase::Checking, 0), ONLINE, at(Phase::Syncing, 0),
        vec![Show(SyncState::Syncing), Round])]
    #[case::no_account_nothing_to_send(
        at(Phase::Checking, 0), Event::Checked { signed_in: false, offline: false },
        at(Phase::Waiting, 0), vec![Show(SyncState::SavedLocally), Sleep(Timer::Pull)])]
    #[case::the_browser_says_offline(
        at(Phase::Checking, 0), Event::Checked { signed_in: true, offline: true },
        at(Phase::Waiting, 0), vec![Show(SyncState::Offline), Sleep(Timer::Pull)])]
    #[case::offline_while_waiting(
        at(Phase::Waiting, 0), Event::Kick(Kick::WentOffline), at(Phase::Waiting, 0),
        vec![Show(SyncState::Offline), Sleep(Timer::Pull)])]
    #[case::back_online(
        at(Phase::Waiting, 3), Event::Kick(Kick::Now), at(Phase::Checking, 3), vec![Check])]
    #[case::synced_then_waits_live(
        at(Phase::Syncing, 3), Event::RoundEnded(RoundEnd::Synced), live(Phase::Waiting, 0),
        vec![LastError(None), ShowIdle, Sleep(Timer::Pull), Wait])]
    #[case::synced_while_hidden_does_not_wait(
        hidden(Phase::Syncing), Event::RoundEnded(RoundEnd::Synced), hidden(Phase::Waiting),
        vec![LastError(None), ShowIdle, Sleep(Timer::Pull)])]
    #[case::news_syncs_at_once_and_the_header_stops_saying_synced(
        live(Phase::Waiting, 0), Event::WaitEnded(WaitEnd::News), at(Phase::Checking, 0),
        vec![Show(SyncState::Syncing), Check])]
    #[case::news_while_debouncing_is_covered_by_the_coming_round(
        live(Phase::Debouncing, 0), Event::WaitEnded(WaitEnd::News), at(Phase::Debouncing, 0),
        vec![])]
    #[case::the_round_stops_the_wait(
        live(Phase::Checking, 0), ONLINE, at(Phase::Syncing, 0),
        vec![StopWait, Show(SyncState::Syncing), Round])]
    #[case::nothing_new_waits_again(
        live(Phase::Waiting, 0), Event::WaitEnded(WaitEnd::Quiet), live(Phase::Waiting, 0),
        vec![Wait])]
    #[case::nothing_new_while_debouncing_waits_again(
        live(Phase::Debouncing, 0), Event::WaitEnded(WaitEnd::Quiet), live(Phase::Debouncing, 0),
        vec![Wait])]
    #[case::a_failed_wait_backs_off(
        live(Phase::Waiting, 0), Event::WaitEnded(WaitEnd::Failed), failed_waits(1),
        vec![Sleep(Timer::Retry { attempt: 0 })])]
    #[case::failed_waits_back_off_further_though_rounds_go_through(
        { let mut s = failed_waits(3); s.live.is_waiting = true; s },
        Event::WaitEnded(WaitEnd::Failed), failed_waits(4),
        vec![Sleep(Timer::Retry { attempt: 3 })])]
    #[case::a_wait_that_answers_forgets_the_failures(
        { let mut s = failed_waits(3); s.live.is_waiting = true; s },
        Event::WaitEnded(WaitEnd::Quiet), live(Phase::Waiting, 0), vec![Wait])]
    #[case::signed_out_while_waiting(
        live(Phase::Waiting, 0), Event::WaitEnded(WaitEnd::SignedOut), at(Phase::Waiting, 0),
        vec![Show(SyncState::SavedLocally), Sleep(Timer::Pull)])]
    #[case::hidden_stops_the_wait(
        live(Phase::Waiting, 0), Event::Kick(Kick::Hidden), hidden(Phase::Waiting),
        vec![StopWait])]
    #[case::hidden_with_no_wait(
        at(Phase::Syncing, 0), Event::Kick(Kick::Hidden), hidden(Phase::Syncing), vec![])]
    #[case::shown_catches_up_at_once(
        hidden(Phase::Waiting), Event::Kick(Kick::Shown), at(Phase::Checking, 0), vec![Check])]
    #[case::shown_during_a_round(
        hidden(Phase::Syncing), Event::Kick(Kick::Shown), at(Phase::Syncing, 0), vec![])]
    #[case::offline_stops_the_wait(
        live(Phase::Waiting, 0), Event::Kick(Kick::WentOffline), at(Phase::Waiting, 0),
        vec![StopWait, Show(SyncState::Offline), Sleep(Timer::Pull)])]
    #[case::a_late_answer_of_a_stopped_wait_changes_nothing_in_a_round(
        at(Phase::Syncing, 0), Event::WaitEnded(WaitEnd::News), at(Phase::Syncing, 0), vec![])]
    #[case::first_failure_retries_soon(
        at(Phase::Syncing, 0), Event::RoundEnded(RoundEnd::Unreachable), at(Phase::Waiting, 1),
        vec![Show(SyncState::Offline), Sleep(Timer::Retry { attempt: 0 })])]
    #[case::later_failures_back_off(
        at(Phase::Syncing, 4), Event::RoundEnded(RoundEnd::Unreachable), at(Phase::Waiting, 5),
        vec![Show(SyncState::Offline), Sleep(Timer::Retry { attempt: 4 })])]
    #[case::a_refusal_is_kept_for_settings(
        at(Phase::Syncing, 0), Event::RoundEnded(RoundEnd::Refused { code: "conflict".into() }),
        at(Phase::Waiting, 1),
        vec![LastError(Some("conflict".into())), Show(SyncState::SavedLocally),
             Sleep(Timer::Retry { attempt: 0 })])]
    #[case::signed_out_stops_retrying(
        at(Phase::Syncing, 2), Event::RoundEnded(RoundEnd::SignedOut), at(Phase::Waiting, 0),
        vec![Show(SyncState::SavedLocally), Sleep(Timer::Pull)])]
    #[case::kicks_during_a_round_wait(
        at(Phase::Syncing, 0), Event::Kick(Kick::Changed), at(Phase::Syncing, 0), vec![])]
    #[case::a_stale_timer_during_a_round(
        at(Phase::Syncing, 0), Event::TimerFired, at(Phase::Syncing, 0), vec![])]
    #[case::a_result_nobody_asked_for(
        at(Phase::Waiting, 0), Event::RoundEnded(RoundEnd::Synced), at(Phase::Waiting, 0), vec![])]
    fn one_step(
        #[case] from: Schedule,
        #[case] event: Event,
        #[case] to: Schedule,
        #[case] actions: Vec<Action>,
    ) {
        assert_eq!(next(from, event), (to, actions));
    }

    /// Runs `events` from the start and returns every action, in order.
    fn run(events: impl IntoIterator<Item = Event>) -> (Schedule, Vec<Action>) {
        let mut schedule = Schedule::default();
        let mut all = Vec::new();
        for event in events {
            let (s, actions) = next(schedule, event);
            schedule = s;
            all.extend(actions);
        }
        (schedule, all)
    }

    #[test]
    fn a_push_pending_while_offline_goes_out_when_the_connection_returns() {
        let (schedule, actions) = run([
            // Typed while the server is unreachable.
            Event::Kick(Kick::Changed),
            Event::TimerFired,
            ONLINE,
            Event::RoundEnded(RoundEnd::Unreachable),
            // The retry fails too.
            Event::TimerFired,
            ONLINE,
            Event::RoundEnded(RoundEnd::Unreachable),
            // The browser says the connection is back: a round at once, and it goes through.
            Event::Kick(Kick::Now),
            ONLINE,
            Event::RoundEnded(RoundEnd::Synced),
        ]);
        assert_eq!(schedule, live(Phase::Waiting, 0), "and then waits live");
        let sleeps: Vec<_> = actions
            .iter()
            .filter_map(|a| match a {
                Sleep(t) => Some(*t),
                _ => None,
            })
            .collect();
        assert_eq!(
            sleeps,
            [
                Timer::Debounce,
                Timer::Retry { attempt: 0 },
                Timer::Retry { attempt: 1 },
                Timer::Pull
            ]
        );
        assert_eq!(actions.iter().filter(|a| **a == Round).count(), 3);
        assert_eq!(actions.last(), Some(&Wait));
    }

    #[test]
    fn another_phones_push_is_fetched_at_once_and_the_wait_resumes() {
        let events = [
            Event::Kick(Kick::Now),
            ONLINE,
            Event::RoundEnded(RoundEnd::Synced),
            // Nothing for a while, then the other phone pushes.
            Event::WaitEnded(WaitEnd::Quiet),
            Event::WaitEnded(WaitEnd::News),
            ONLINE,
            Event::RoundEnded(RoundEnd::Synced),
            // "Sync now" while waiting: the round stops the wait and starts a new one.
            Event::Kick(Kick::Now),
            ONLINE,
            Event::RoundEnded(RoundEnd::Synced),
        ];
        // Exactly one wait in flight at any time: each is answered or stopped before the next.
        let mut schedule = Schedule::default();
        let mut in_flight = 0;
        let mut rounds = 0;
        for event in events {
            if matches!(event, Event::WaitEnded(_)) {
                in_flight -= 1;
            }
            let (next_schedule, actions) = next(schedule, event.clone());
            schedule = next_schedule;
            for action in actions {
                match action {
                    Wait => in_flight += 1,
                    StopWait => in_flight -= 1,
                    Round => rounds += 1,
                    _ => {}
                }
                assert!(
                    (0..=1).contains(&in_flight),
                    "{in_flight} waits after {event:?}"
                );
            }
            assert_eq!(schedule.live.is_waiting, in_flight == 1, "after {event:?}");
        }
        assert_eq!(schedule, live(Phase::Waiting, 0));
        assert_eq!(rounds, 3);
    }

    #[test]
    fn a_hidden_page_waits_for_nothing_until_shown() {
        let (schedule, actions) = run([
            Event::Kick(Kick::Now),
            ONLINE,
            Event::RoundEnded(RoundEnd::Synced),
            Event::Kick(Kick::Hidden),
            // The minute's pull still runs; no wait follows it while hidden.
            Event::TimerFired,
            ONLINE,
            Event::RoundEnded(RoundEnd::Synced),
            Event::Kick(Kick::Shown),
            ONLINE,
            Event::RoundEnded(RoundEnd::Synced),
        ]);
        assert_eq!(schedule, live(Phase::Waiting, 0));
        let waits: Vec<_> = actions
            .iter()
            .filter(|a| matches!(a, Wait | StopWait))
            .collect();
        assert_eq!(waits, [&Wait, &StopWait, &Wait]);
    }

    #[test]
    fn retry_delays_grow_to_the_cap_and_the_others_are_fixed() {
        let delays: Vec<Duration> = (0..8)
            .map(|attempt| Timer::Retry { attempt }.delay(0.999))
            .collect();
        assert!(delays.windows(2).all(|w| w[0] <= w[1]), "{delays:?}");
        assert!(delays.iter().all(|d| *d <= RETRY.cap), "{delays:?}");
        assert_eq!(Timer::Debounce.delay(0.5), DEBOUNCE);
        assert_eq!(Timer::Pull.delay(0.5), PULL_EVERY);
    }
}
