//! Login throttling shared by every server process through PostgreSQL: each failure is a row,
//! and a key is over its limit when the window holds as many rows for it as it allows. The
//! same sliding window as the in-memory [`LoginLimiter`](crate::rate_limit::LoginLimiter),
//! measured by the processes' clocks (which NTP keeps within far less than a window).

use std::time::Duration;

use chrono::Utc;
use sqlx::PgPool;

use crate::rate_limit::{LimitKey, Throttle};
use crate::settings::LoginLimits;
use crate::store::StoreError;

/// Failures counted in the database of `pool`.
#[derive(Debug, Clone)]
pub struct SharedLimiter {
    pool: PgPool,
    limits: LoginLimits,
}

fn db(err: sqlx::Error) -> StoreError {
    StoreError::Backend(format!("PostgreSQL (login failures): {err}"))
}

impl SharedLimiter {
    pub fn new(pool: PgPool, limits: LoginLimits) -> SharedLimiter {
        SharedLimiter { pool, limits }
    }

    fn window(&self) -> chrono::Duration {
        chrono::Duration::from_std(self.limits.window).unwrap_or(chrono::Duration::MAX)
    }
}

#[async_trait::async_trait]
impl Throttle for SharedLimiter {
    async fn check(&self, keys: &[LimitKey]) -> Result<Option<Duration>, StoreError> {
        let now = Utc::now();
        let since = now - self.window();
        let mut wait = None;
        for key in keys {
            let limit = i64::from(key.limit(&self.limits).max(1));
            // The `limit`-th newest failure in the window: the key is free again once it
            // leaves the window.
            let blocking: Option<chrono::DateTime<Utc>> = sqlx::query_scalar(
                "SELECT at FROM login_failures WHERE key = $1 AND at > $2
                 ORDER BY at DESC OFFSET $3 LIMIT 1",
            )
            .bind(key.text())
            .bind(since)
            .bind(limit - 1)
            .fetch_optional(&self.pool)
            .await
            .map_err(db)?;
            if let Some(at) = blocking {
                let left = (at + self.window() - now)
                    .to_std()
                    .unwrap_or(Duration::ZERO);
                wait = wait.max(Some(left.max(Duration::from_secs(1))));
            }
        }
        Ok(wait)
    }

    async fn record_failure(&self, keys: &[LimitKey]) -> Result<(), StoreError> {
        let now = Utc::now();
        let texts: Vec<String> = keys.iter().map(LimitKey::text).collect();
        let mut tx = self.pool.begin().await.map_err(db)?;
        sqlx::query("INSERT INTO login_failures (key, at) SELECT key, $2 FROM UNNEST($1::text[]) AS t (key)")
            .bind(&texts)
            .bind(now)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        // What has left every window is of no use: the table stays as small as the window.
        sqlx::query("DELETE FROM login_failures WHERE at <= $1")
            .bind(now - self.window())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn failures_on_one_process_lock_the_email_on_another() {
        let admin = std::env::var("KOSH_TEST_DATABASE_URL").expect(
            "KOSH_TEST_DATABASE_URL is not set: `./kosh test` starts a PostgreSQL and sets it",
        );
        let url = crate::store::postgres::scratch_database(&admin)
            .await
            .unwrap();
        let limits = LoginLimits {
            per_email: 3,
            per_address: 5,
            window: Duration::from_secs(60),
        };
        let (one, two) = (
            crate::store::Postgres::connect(&url).await.unwrap(),
            crate::store::Postgres::connect(&url).await.unwrap(),
        );
        let (one, two) = (
            SharedLimiter::new(one.pool(), limits),
            SharedLimiter::new(two.pool(), limits),
        );
        let keys = [LimitKey::email("a@b.kz")];
        for attempt in 0..3 {
            assert_eq!(two.check(&keys).await.unwrap(), None, "attempt {attempt}");
            one.record_failure(&keys).await.unwrap();
        }
        let wait = two
            .check(&keys)
            .await
            .unwrap()
            .expect("locked on the other process");
        assert!(wait <= Duration::from_secs(60) && wait >= Duration::from_secs(50));
        let other = [LimitKey::email("other@b.kz")];
        assert_eq!(two.check(&other).await.unwrap(), None);
    }
}
