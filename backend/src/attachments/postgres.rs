//! [`BlobStore`] in PostgreSQL, beside everything else when the server runs on a database
//! (`KOSH_DATABASE_URL`): any process can take any part of an upload and serve any photo.
//! Photos are shrunk on the phone to under 300 KB, so `bytea` columns hold them well.
//!
//! The trait is synchronous (its file implementation blocks on fsync, and the handlers call
//! it on tokio's blocking pool); here each call runs its queries on the runtime it was made on
//! and waits for them, which a blocking-pool thread may do.

use kosh_shared::ids::UserId;
use sqlx::PgPool;
use tokio::runtime::Handle;

use super::BlobStore;
use crate::store::{StoreError, StoreResult};

/// Attachments in the tables of migration 0002.
#[derive(Debug, Clone)]
pub struct PgBlobStore {
    pool: PgPool,
    runtime: Handle,
}

fn db(err: sqlx::Error) -> StoreError {
    StoreError::Backend(format!("PostgreSQL (attachments): {err}"))
}

fn len(bytes: i64) -> u64 {
    u64::try_from(bytes).unwrap_or(0)
}

impl PgBlobStore {
    /// Blobs in the database of `pool`, queried on `runtime` (the server's).
    pub fn new(pool: PgPool, runtime: Handle) -> PgBlobStore {
        PgBlobStore { pool, runtime }
    }

    fn wait<T>(&self, query: impl Future<Output = Result<T, sqlx::Error>>) -> StoreResult<T> {
        self.runtime.block_on(query).map_err(db)
    }
}

impl BlobStore for PgBlobStore {
    fn owned(&self, owner: &UserId, sha256: &str) -> StoreResult<Option<u64>> {
        let size: Option<i64> = self.wait(
            sqlx::query_scalar(
                "SELECT length(b.bytes)::bigint FROM blob_owners o JOIN blobs b USING (sha256)
                 WHERE o.user_id = $1 AND o.sha256 = $2",
            )
            .bind(owner.as_str())
            .bind(sha256)
            .fetch_optional(&self.pool),
        )?;
        Ok(size.map(len))
    }

    fn partial_len(&self, owner: &UserId, sha256: &str) -> StoreResult<u64> {
        let size: Option<i64> = self.wait(
            sqlx::query_scalar(
                "SELECT length(bytes)::bigint FROM blob_partials WHERE user_id = $1 AND sha256 = $2",
            )
            .bind(owner.as_str())
            .bind(sha256)
            .fetch_optional(&self.pool),
        )?;
        Ok(size.map_or(0, len))
    }

    fn append_partial(
        &self,
        owner: &UserId,
        sha256: &str,
        offset: u64,
        bytes: &[u8],
    ) -> StoreResult<u64> {
        let held: Option<i64> = if offset == 0 {
            self.wait(
                sqlx::query_scalar(
                    "INSERT INTO blob_partials (user_id, sha256, bytes) VALUES ($1, $2, $3)
                     ON CONFLICT (user_id, sha256) DO UPDATE SET bytes = EXCLUDED.bytes
                     RETURNING length(bytes)::bigint",
                )
                .bind(owner.as_str())
                .bind(sha256)
                .bind(bytes)
                .fetch_optional(&self.pool),
            )?
        } else {
            // Only onto exactly `offset` held bytes: a part that does not continue the upload
            // changes nothing.
            let offset = i64::try_from(offset)
                .map_err(|_| StoreError::Backend(format!("a part at {offset}")))?;
            self.wait(
                sqlx::query_scalar(
                    "UPDATE blob_partials SET bytes = bytes || $3
                     WHERE user_id = $1 AND sha256 = $2 AND length(bytes) = $4
                     RETURNING length(bytes)::bigint",
                )
                .bind(owner.as_str())
                .bind(sha256)
                .bind(bytes)
                .bind(offset)
                .fetch_optional(&self.pool),
            )?
        };
        held.map(len).ok_or_else(|| {
            StoreError::Backend(format!(
                "the upload of {sha256}: a part at {offset} does not continue what is held"
            ))
        })
    }

    fn read_partial(&self, owner: &UserId, sha256: &str) -> StoreResult<Vec<u8>> {
        let bytes: Option<Vec<u8>> = self.wait(
            sqlx::query_scalar(
                "SELECT bytes FROM blob_partials WHERE user_id = $1 AND sha256 = $2",
            )
            .bind(owner.as_str())
            .bind(sha256)
            .fetch_optional(&self.pool),
        )?;
        bytes.ok_or_else(|| StoreError::Backend(format!("no upload of {sha256} is held")))
    }

    fn discard_partial(&self, owner: &UserId, sha256: &str) -> StoreResult<()> {
        self.wait(
            sqlx::query("DELETE FROM blob_partials WHERE user_id = $1 AND sha256 = $2")
                .bind(owner.as_str())
                .bind(sha256)
                .execute(&self.pool),
        )?;
        Ok(())
    }

    fn complete(&self, owner: &UserId, sha256: &str) -> StoreResult<u64> {
        self.wait(async {
            let mut tx = self.pool.begin().await?;
            // Another user's copy of the same bytes, if there is one, serves both.
            sqlx::query(
                "INSERT INTO blobs (sha256, bytes)
                 SELECT sha256, bytes FROM blob_partials WHERE user_id = $1 AND sha256 = $2
                 ON CONFLICT (sha256) DO NOTHING",
            )
            .bind(owner.as_str())
            .bind(sha256)
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO blob_owners (user_id, sha256) VALUES ($1, $2) ON CONFLICT DO NOTHING",
            )
            .bind(owner.as_str())
            .bind(sha256)
            .execute(&mut *tx)
            .await?;
            sqlx::query("DELETE FROM blob_partials WHERE user_id = $1 AND sha256 = $2")
                .bind(owner.as_str())
                .bind(sha256)
                .execute(&mut *tx)
                .await?;
            let size: i64 =
                sqlx::query_scalar("SELECT length(bytes)::bigint FROM blobs WHERE sha256 = $1")
                    .bind(sha256)
                    .fetch_one(&mut *tx)
                    .await?;
            tx.commit().await?;
            Ok(len(size))
        })
    }

    fn used_bytes(&self, owner: &UserId, except: &str) -> StoreResult<u64> {
        let used: i64 = self.wait(
            sqlx::query_scalar(
                "SELECT (SELECT COALESCE(sum(length(b.bytes)), 0) FROM blob_owners o
                           JOIN blobs b USING (sha256) WHERE o.user_id = $1)::bigint
                      + (SELECT COALESCE(sum(length(bytes)), 0) FROM blob_partials
                           WHERE user_id = $1 AND sha256 <> $2)::bigint",
            )
            .bind(owner.as_str())
            .bind(except)
            .fetch_one(&self.pool),
        )?;
        Ok(len(used))
    }

    fn read(&self, sha256: &str) -> StoreResult<Option<Vec<u8>>> {
        self.wait(
            sqlx::query_scalar("SELECT bytes FROM blobs WHERE sha256 = $1")
                .bind(sha256)
                .fetch_optional(&self.pool),
        )
    }
}
