-- Failed logins per email digest or client address (rate_limit.rs), counted by every process
-- alike: a guesser gains nothing by spreading tries over processes.

CREATE TABLE login_failures (
    key text NOT NULL,
    at timestamptz NOT NULL
);
CREATE INDEX login_failures_by_key ON login_failures (key, at);
CREATE INDEX login_failures_by_time ON login_failures (at);
