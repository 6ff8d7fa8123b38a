//! Crash safety: the real server binary is killed with SIGKILL while people are saving
//! forms, then started again. Every save that was acknowledged must still be there.
//!
//! An acknowledgement (the 303 after a save) is a promise to the person who pressed the
//! button; with SQLite in WAL mode and `synchronous=FULL` the commit is on disk before it.

use crate::support::Connect;
use app::backend::Store;
use app::backend::store;
use std::net::TcpListener;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const WRITERS: usize = 8;
const SAVING_FOR: Duration = Duration::from_millis(1500);

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

fn start_server(dir: &Path, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_server"))
        .current_dir(dir)
        .env_clear()
        .env("PORTAL_LISTEN", format!("127.0.0.1:{port}"))
        .env("PORTAL_DATA_DIR", dir.join("data"))
        .env("PORTAL_LOG_LEVEL", "warn")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts")
}

async fn wait_until_ready(client: &reqwest::Client, port: u16) {
    let deadline = Instant::now() + Duration::from_secs(30);
    while Instant::now() < deadline {
        let ready = client
            .get(format!("http://127.0.0.1:{port}/readyz"))
            .send()
            .await
            .is_ok_and(|response| response.status() == 200);
        if ready {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("the server did not become ready within 30 seconds");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_acknowledged_save_survives_the_server_being_killed() {
    let dir = tempfile::TempDir::new().expect("a temporary directory");
    let client = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(5))
        .build()
        .expect("a client");
    let port = free_port();
    let mut server = start_server(dir.path(), port);
    wait_until_ready(&client, port).await;

    let acknowledged = Arc::new(Mutex::new(Vec::<String>::new()));
    let stop_at = Instant::now() + SAVING_FOR;
    let mut writers = Vec::new();
    for _ in 0..WRITERS {
        let client = client.clone();
        let acknowledged = acknowledged.clone();
        writers.push(tokio::spawn(async move {
            // Keeps saving until the server is gone; bounded by the deadline either way.
            while Instant::now() < stop_at + Duration::from_secs(5) {
                let id = uuid::Uuid::new_v4().to_string();
                let body = serde_urlencoded::to_string([
                    ("__fn", "/api/feedback"),
                    ("submission", id.as_str()),
                    ("satisfaction", "satisfied"),
                    ("comments", "Saved just before the crash"),
                ])
                .expect("fields encode");
                let sent = client
                    .post(format!("http://127.0.0.1:{port}/feedback"))
                    .header("content-type", "application/x-www-form-urlencoded")
                    .header("accept", "text/html")
                    .header("origin", format!("http://localhost:{port}"))
                    .body(body)
                    .send()
                    .await;
                match sent {
                    Ok(response) if response.status() == 303 => {
                        acknowledged.lock().expect("not poisoned").push(id);
                    }
                    Ok(_) => {}
                    // The server has been killed: stop writing.
                    Err(_) => break,
                }
            }
        }));
    }

    tokio::time::sleep(SAVING_FOR).await;
    // SIGKILL: no chance to flush or shut down cleanly.
    server.kill().expect("the server is killed");
    let _ = server.wait();
    for writer in writers {
        writer.await.expect("the writer finishes");
    }
    let acknowledged = acknowledged.lock().expect("not poisoned").clone();
    assert!(
        acknowledged.len() >= 20,
        "too few saves ({}) to show anything",
        acknowledged.len()
    );

    let port = free_port();
    let mut restarted = start_server(dir.path(), port);
    wait_until_ready(&client, port).await;
    let store = Store::connect(&Store::sqlite_url(&dir.path().join("data")), 1)
        .await
        .expect("the database opens beside the running server");
    let mut missing = Vec::new();
    for id in &acknowledged {
        if !store::feedback::feedback_exists(&mut *store.conn().await, id)
            .await
            .expect("the store answers")
        {
            missing.push(id.clone());
        }
    }
    store.close().await;
    restarted.kill().expect("the server is stopped");
    let _ = restarted.wait();
    assert!(
        missing.is_empty(),
        "{} of {} acknowledged saves were lost",
        missing.len(),
        acknowledged.len()
    );
    println!(
        "{} saves were acknowledged before SIGKILL; all were there after restart",
        acknowledged.len()
    );
}
