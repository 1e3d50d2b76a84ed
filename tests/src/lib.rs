//! Helpers for Kosh's end-to-end tests: start the real server in this process on
//! `127.0.0.1:0` with its own temporary data directory ([`TestServer`]), or run the
//! `kosh-backend` binary as a child process and wait for its `listening on` line
//! ([`ChildServer`]). Nothing sleeps for readiness: the listener is bound before the server is
//! spawned, and the child is ready when it says so.
#![forbid(unsafe_code)]

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

use kosh_backend::settings::PasswordCost;
use kosh_backend::store::StoreError;
use kosh_backend::{AppState, Settings, StartError};
use kosh_shared::api::TokenResponse;
use serde_json::{Value, json};
use tempfile::TempDir;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

/// Settings for a test server: a free port on loopback, `dir` as the data directory, and the
/// cheapest password hashing (the hashes protect nothing here and tests should be fast).
pub fn test_settings(dir: &Path) -> Settings {
    Settings {
        addr: SocketAddr::from(([127, 0, 0, 1], 0)),
        data_dir: dir.to_owned(),
        password_cost: PasswordCost::FAST_INSECURE,
        ..Settings::new()
    }
}

/// An address nothing listens on: bind a port on loopback, then let it go.
pub async fn dead_address() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("local address");
    drop(listener);
    format!("http://{addr}")
}

/// The server running inside the test process.
#[derive(Debug)]
pub struct TestServer {
    /// `http://127.0.0.1:<port>`.
    pub base: String,
    /// A client without compression, so responses are read as sent.
    pub client: reqwest::Client,
    /// The state the server runs with (its store, keys, settings).
    pub state: AppState,
    dir: Option<TempDir>,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

/// Where `KOSH_TEST_STORE=postgres` asks for it, points `settings` at a scratch database
/// (with a JWT secret, which a database requires). The database's URL is kept in the data
/// directory, so a server restarted on that directory finds the same database.
async fn on_test_database(settings: &mut Settings) {
    if settings.database_url.is_some()
        || std::env::var("KOSH_TEST_STORE").as_deref() != Ok("postgres")
    {
        return;
    }
    let remembered = settings.data_dir.join("test-database-url");
    let url = match std::fs::read_to_string(&remembered) {
        Ok(url) => url,
        Err(_) => {
            let admin = std::env::var("KOSH_TEST_DATABASE_URL").expect(
                "KOSH_TEST_STORE=postgres needs KOSH_TEST_DATABASE_URL: `./kosh test` starts a \
                 PostgreSQL and sets both",
            );
            let url = kosh_backend::store::postgres::scratch_database(&admin)
                .await
                .expect("a scratch database");
            std::fs::write(&remembered, &url).expect("remember the test database");
            url
        }
    };
    settings.database_url = Some(url);
    settings
        .jwt_secret
        .get_or_insert_with(|| "a-test-secret-shared-by-every-test-process".into());
}

/// Opens the state, waiting up to two seconds for a store this process dropped a moment ago
/// (a restart): sled's thread pool lets go of the data file just after the last handle goes.
async fn open_when_free(settings: Settings) -> AppState {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(2);
    loop {
        match AppState::open(settings.clone()).await {
            Err(StartError::Store(StoreError::InUse(_)))
                if std::time::Instant::now() < deadline =>
            {
                tokio::task::yield_now().await;
            }
            opened => return opened.expect("open the store"),
        }
    }
}

impl TestServer {
    /// A server on a fresh temporary directory.
    pub async fn start() -> TestServer {
        let dir = tempfile::tempdir().expect("temporary directory");
        let settings = test_settings(dir.path());
        TestServer::start_with(settings, Some(dir)).await
    }

    /// A server on a fresh temporary directory that serves the built web app in `web`
    /// (`KOSH_WEB_DIR`), which the caller keeps for as long as the server runs.
    pub async fn serving_web(web: &Path) -> TestServer {
        let dir = tempfile::tempdir().expect("temporary directory");
        let settings = Settings {
            web_dir: Some(web.to_owned()),
            ..test_settings(dir.path())
        };
        TestServer::start_with(settings, Some(dir)).await
    }

    /// A server on `dir` (e.g. the one a stopped server returned), to test restarts.
    pub async fn restart(dir: TempDir) -> TestServer {
        let settings = test_settings(dir.path());
        TestServer::start_with(settings, Some(dir)).await
    }

    /// A server with these settings; `dir`, if given, is removed when the server is dropped.
    /// With `KOSH_TEST_STORE=postgres` it keeps its data in a database of its own on the
    /// PostgreSQL at `KOSH_TEST_DATABASE_URL` instead (`./kosh test` runs the sync tests so).
    pub async fn start_with(mut settings: Settings, dir: Option<TempDir>) -> TestServer {
        on_test_database(&mut settings).await;
        let listener = TcpListener::bind(settings.addr).await.expect("bind");
        let addr = listener.local_addr().expect("local address");
        settings.addr = addr;
        let state = open_when_free(settings).await;
        let (tx, rx) = oneshot::channel::<()>();
        let task = tokio::spawn(kosh_backend::serve(listener, state.clone(), async move {
            let _ = rx.await;
        }));
        TestServer {
            base: format!("http://{addr}"),
            client: reqwest::Client::builder()
                .no_gzip()
                .build()
                .expect("http client"),
            state,
            dir,
            shutdown: Some(tx),
            task: Some(task),
        }
    }

    /// The data directory.
    pub fn data_dir(&self) -> &Path {
        &self.state.settings.data_dir
    }

    /// The full URL of `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Stops the server gracefully (requests finish, the store is flushed and closed) and hands
    /// back its data directory.
    pub async fn stop(mut self) -> TempDir {
        self.shutdown_and_wait().await;
        self.dir
            .take()
            .expect("a server started on a temporary directory")
    }

    /// Stops the server gracefully, leaving a data directory it was not given to remove (one
    /// the test made itself) where it is.
    pub async fn stop_in_place(mut self) {
        self.shutdown_and_wait().await;
    }

    async fn shutdown_and_wait(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            task.await
                .expect("server task")
                .expect("server stopped cleanly");
        }
    }

    /// Sends a JSON request with an optional bearer token; returns status and body (`Null` for
    /// an empty body).
    pub async fn call(
        &self,
        method: reqwest::Method,
        path: &str,
        token: Option<&str>,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut req = self.client.request(method, self.url(path));
        if let Some(token) = token {
            req = req.bearer_auth(token);
        }
        if let Some(body) = body {
            req = req.json(&body);
        }
        let resp = req.send().await.expect("request sent");
        let status = resp.status().as_u16();
        let text = resp.text().await.expect("body read");
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        (status, body)
    }

    /// `GET path`.
    pub async fn get(&self, path: &str, token: Option<&str>) -> (u16, Value) {
        self.call(reqwest::Method::GET, path, token, None).await
    }

    /// `POST path` with a JSON body.
    pub async fn post(&self, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
        self.call(reqwest::Method::POST, path, token, Some(body))
            .await
    }

    /// `POST /v1/sync` with a sync body, as the user of `token`.
    pub async fn sync(&self, token: &str, body: Value) -> (u16, Value) {
        self.post("/v1/sync", Some(token), body).await
    }

    /// `PUT path` with a JSON body.
    pub async fn put(&self, path: &str, token: Option<&str>, body: Value) -> (u16, Value) {
        self.call(reqwest::Method::PUT, path, token, Some(body))
            .await
    }

    /// Registers an applicant with a valid password and returns the token pair.
    pub async fn register(&self, email: &str) -> TokenResponse {
        let (status, body) = self
            .post(
                "/v1/auth/register",
                None,
                json!({"email": email, "password": "correct horse battery"}),
            )
            .await;
        assert_eq!(status, 201, "register {email}: {body}");
        serde_json::from_value(body).expect("token response")
    }

    /// Creates an officer the way `create-officer` does, and logs in as them.
    pub async fn officer(&self, email: &str) -> TokenResponse {
        kosh_backend::accounts::create_account(
            &self.state,
            email,
            "officer password 1".into(),
            kosh_shared::api::Role::Officer,
            None,
        )
        .await
        .expect("officer created");
        let (status, body) = self
            .post(
                "/v1/auth/login",
                None,
                json!({"email": email, "password": "officer password 1"}),
            )
            .await;
        assert_eq!(status, 200, "officer login: {body}");
        serde_json::from_value(body).expect("token response")
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// The `kosh-backend` binary cargo built next to this test executable, if it is there
/// (`cargo build -p kosh-backend` or a test run of that crate builds it).
pub fn backend_binary() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    // target/<profile>/deps/<test>-<hash> → target/<profile>/kosh-backend
    let profile_dir = exe.parent()?.parent()?;
    let bin = profile_dir.join(format!("kosh-backend{}", std::env::consts::EXE_SUFFIX));
    bin.is_file().then_some(bin)
}

/// The server binary running as a child process (killed when dropped).
#[derive(Debug)]
pub struct ChildServer {
    /// `http://127.0.0.1:<port>`, from its `listening on` line.
    pub base: String,
    pub child: Child,
}

impl ChildServer {
    /// Runs `binary serve` on `data_dir` with `KOSH_ADDR=127.0.0.1:0` (plus `env`) and waits
    /// for its `listening on http://…` line.
    pub fn spawn(binary: &Path, data_dir: &Path, env: &[(&str, &str)]) -> ChildServer {
        let mut cmd = Command::new(binary);
        cmd.arg("serve")
            .env("KOSH_ADDR", "127.0.0.1:0")
            .env("KOSH_DATA_DIR", data_dir)
            .env_remove("KOSH_JWT_SECRET")
            .env_remove("KOSH_WEB_DIR")
            .env("RUST_LOG", "warn")
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("spawn kosh-backend");
        let stdout = child.stdout.take().expect("child stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the listening line");
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_owned();
        ChildServer { base, child }
    }
}

impl Drop for ChildServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A sync op as JSON: `field = value` on `draft` of `residence-2026`, stamped at `wall_ms`.
pub fn op(
    op_id: &str,
    draft: &str,
    field: &str,
    value: Value,
    wall_ms: u64,
    device: &str,
) -> Value {
    let hlc = kosh_shared::hlc::Hlc::new(wall_ms, 0, device).expect("valid HLC");
    json!({"op_id": op_id, "draft_id": draft, "form_id": "residence-2026",
           "field": field, "value": value, "hlc": hlc.to_string()})
}

/// Now, in milliseconds since the epoch (HLC wall time).
pub fn now_ms() -> u64 {
    u64::try_from(chrono::Utc::now().timestamp_millis()).unwrap_or(0)
}

/// Every top-level question of a form (as `GET /v1/forms/{id}` returns it) with its example:
/// the answers of a draft that is valid by API.md's promise.
pub fn example_answers(form: &Value) -> Vec<(String, Value)> {
    form["sections"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["questions"].as_array().into_iter().flatten())
        .map(|q| {
            (
                q["id"].as_str().unwrap_or_default().to_owned(),
                q["example"].clone(),
            )
        })
        .collect()
}

impl TestServer {
    /// Pushes a complete, valid draft (every answer its example) for the holder of `token` and
    /// returns the draft id.
    pub async fn valid_draft(&self, token: &str, device: &str) -> String {
        let (status, form) = self.get("/v1/forms/residence-2026", None).await;
        assert_eq!(status, 200);
        let draft = uuid::Uuid::new_v4().to_string();
        let at = now_ms();
        let ops: Vec<Value> = example_answers(&form)
            .into_iter()
            .map(|(field, value)| {
                op(
                    &uuid::Uuid::new_v4().to_string(),
                    &draft,
                    &field,
                    value,
                    at,
                    device,
                )
            })
            .collect();
        let (status, body) = self
            .post(
                "/v1/sync",
                Some(token),
                json!({"device_id": device, "cursor": 0, "ops": ops}),
            )
            .await;
        assert_eq!(status, 200, "{body}");
        draft
    }
}
