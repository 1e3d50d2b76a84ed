-- Photos of documents (see attachments/blobs.rs): each blob once under its SHA-256, who holds
-- which, and uploads in progress per user and blob, so a process that did not take the first
-- part of an upload can take the next.

CREATE TABLE blobs (
    sha256 text PRIMARY KEY,
    bytes bytea NOT NULL
);

CREATE TABLE blob_owners (
    user_id text NOT NULL,
    sha256 text NOT NULL REFERENCES blobs (sha256),
    PRIMARY KEY (user_id, sha256)
);

CREATE TABLE blob_partials (
    user_id text NOT NULL,
    sha256 text NOT NULL,
    bytes bytea NOT NULL,
    PRIMARY KEY (user_id, sha256)
);
