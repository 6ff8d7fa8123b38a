//! Starting the portal for a benchmark: its settings, a PostgreSQL database of its own,
//! and signed-in sessions made straight in the store.

use app::backend::Store;
use app::backend::store;
use server::config::Config;

/// The portal on a free loopback port, quiet.
pub fn config() -> Config {
    Config {
        listen: "127.0.0.1:0".parse().expect("an address"),
        log_level: "error".to_owned(),
        ..Config::default()
    }
}

/// Runs one administrative statement (making or dropping a database) at `url`.
pub async fn admin_sql(url: &str, sql: &str) {
    let admin = Store::connect(url, 1).await.expect("PostgreSQL answers");
    admin.execute_admin(sql).await.expect("the statement runs");
    admin.close().await;
}

/// A new signed-in session for `account`: its `Cookie` header.
pub async fn signed_in(
    conn: &mut store::Conn,
    account: app::domain::ids::AccountId,
    now: i64,
) -> String {
    let token = app::backend::auth::new_token();
    store::identity::create_session(
        conn,
        &app::backend::auth::hash_secret(&token),
        Some(account),
        None,
        now,
    )
    .await
    .expect("a session");
    format!("portal-session={token}")
}
