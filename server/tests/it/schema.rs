//! Schema parity: the SQLite and PostgreSQL migrations, run on fresh databases, give the
//! same tables, columns, types, keys, checks, indexes and guards. The two dialects are
//! written by hand, side by side; this is what notices when one of them drifts.

use crate::support::{Kind, TestDb};
use regex::Regex;
use sqlx::{PgPool, SqlitePool};
use std::collections::{BTreeMap, BTreeSet};

/// A schema, in terms both databases can state.
#[derive(Debug, Default)]
struct Schema {
    /// Each table's columns in order: name, declared type (lower case), NOT NULL, and
    /// whether it has a default.
    columns: BTreeMap<String, Vec<(String, String, bool, bool)>>,
    primary_keys: BTreeMap<String, Vec<String>>,
    /// Table and columns of each UNIQUE constraint.
    unique: BTreeSet<(String, Vec<String>)>,
    /// Table, column, referenced table, referenced column.
    foreign_keys: BTreeSet<(String, String, String, String)>,
    /// How many CHECK constraints each table has.
    checks: BTreeMap<String, usize>,
    /// Table, name, columns, unique and partial, of each index made by CREATE INDEX.
    indexes: BTreeSet<(String, String, Vec<String>, bool, bool)>,
    /// Table, timing and event of each trigger: the guards that keep evidence unchanged.
    /// SQLite needs one trigger per event where PostgreSQL has one for several, so the
    /// triggers' names are not compared.
    triggers: BTreeSet<(String, String, String)>,
}

/// The table sqlx keeps its own record of migrations in; its types are its own.
const SQLX_TABLE: &str = "_sqlx_migrations";

#[tokio::test]
async fn both_databases_migrate_to_the_same_schema() {
    let sqlite = TestDb::new(Kind::Sqlite).await;
    let postgres = TestDb::new(Kind::Postgres).await;
    let from_sqlite = sqlite_schema(&sqlite.url).await;
    let from_postgres = postgres_schema(&postgres.url).await;
    sqlite.finish().await;
    postgres.finish().await;

    assert!(
        from_sqlite.columns.len() > 20,
        "the schema was read: {:?}",
        from_sqlite.columns.keys()
    );
    assert!(!from_sqlite.triggers.is_empty() && !from_sqlite.indexes.is_empty());
    let differences = [
        differ("columns of", &from_sqlite.columns, &from_postgres.columns),
        differ(
            "primary key of",
            &from_sqlite.primary_keys,
            &from_postgres.primary_keys,
        ),
        differ("checks on", &from_sqlite.checks, &from_postgres.checks),
        only_in("unique", &from_sqlite.unique, &from_postgres.unique),
        only_in(
            "reference",
            &from_sqlite.foreign_keys,
            &from_postgres.foreign_keys,
        ),
        only_in("index", &from_sqlite.indexes, &from_postgres.indexes),
        only_in("trigger", &from_sqlite.triggers, &from_postgres.triggers),
    ]
    .concat();
    assert!(
        differences.is_empty(),
        "the two dialects' migrations differ:\n{}",
        differences.join("\n")
    );
}

/// Each table whose part differs, with both databases' versions of it.
fn differ<T: PartialEq + std::fmt::Debug>(
    part: &str,
    sqlite: &BTreeMap<String, T>,
    postgres: &BTreeMap<String, T>,
) -> Vec<String> {
    let tables: BTreeSet<&String> = sqlite.keys().chain(postgres.keys()).collect();
    tables
        .into_iter()
        .filter(|table| sqlite.get(*table) != postgres.get(*table))
        .map(|table| {
            format!(
                "{part} {table}: SQLite {:?}, PostgreSQL {:?}",
                sqlite.get(table),
                postgres.get(table)
            )
        })
        .collect()
}

/// What only one of the databases has.
fn only_in<T: Ord + std::fmt::Debug>(
    part: &str,
    sqlite: &BTreeSet<T>,
    postgres: &BTreeSet<T>,
) -> Vec<String> {
    let only_sqlite = sqlite
        .difference(postgres)
        .map(|item| format!("{part} only in SQLite: {item:?}"));
    let only_postgres = postgres
        .difference(sqlite)
        .map(|item| format!("{part} only in PostgreSQL: {item:?}"));
    only_sqlite.chain(only_postgres).collect()
}

async fn sqlite_schema(url: &str) -> Schema {
    let pool = SqlitePool::connect(url).await.expect("SQLite opens");
    let mut schema = Schema::default();
    let tables: Vec<(String, String)> = sqlx::query_as(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' \
         AND name NOT LIKE 'sqlite_%' AND name <> $1 ORDER BY name",
    )
    .bind(SQLX_TABLE)
    .fetch_all(&pool)
    .await
    .expect("tables");
    let check = Regex::new(r"(?i)\bCHECK\s*\(").expect("a pattern");
    for (table, sql) in tables {
        let columns: Vec<(String, String, i64, i64, i64)> = sqlx::query_as(
            "SELECT name, type, \"notnull\", dflt_value IS NOT NULL, pk \
             FROM pragma_table_info($1) ORDER BY cid",
        )
        .bind(&table)
        .fetch_all(&pool)
        .await
        .expect("columns");
        let mut key: Vec<(i64, String)> = Vec::new();
        let mut described = Vec::new();
        for (name, ty, not_null, default, pk) in columns {
            if pk > 0 {
                key.push((pk, name.clone()));
            }
            // SQLite lets a primary key that is not an INTEGER hold NULL, for old
            // programs' sake; PostgreSQL never does. The store always gives an id, so a
            // key column counts as NOT NULL on both.
            described.push((
                name,
                ty.to_lowercase(),
                not_null == 1 || pk > 0,
                default == 1,
            ));
        }
        key.sort();
        if !key.is_empty() {
            schema.primary_keys.insert(
                table.clone(),
                key.into_iter().map(|(_, name)| name).collect(),
            );
        }
        schema.columns.insert(table.clone(), described);

        let code: String = sql
            .lines()
            .map(|line| line.split("--").next().unwrap_or(""))
            .collect::<Vec<_>>()
            .join("\n");
        let checks = check.find_iter(&code).count();
        if checks > 0 {
            schema.checks.insert(table.clone(), checks);
        }

        let references: Vec<(String, String, Option<String>)> =
            sqlx::query_as("SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list($1)")
                .bind(&table)
                .fetch_all(&pool)
                .await
                .expect("references");
        for (target, from, to) in references {
            let to = match to {
                Some(to) => to,
                // `REFERENCES t` alone means t's primary key.
                None => sqlx::query_scalar("SELECT name FROM pragma_table_info($1) WHERE pk = 1")
                    .bind(&target)
                    .fetch_one(&pool)
                    .await
                    .expect("the referenced key"),
            };
            schema
                .foreign_keys
                .insert((table.clone(), from, target, to));
        }

        let indexes: Vec<(String, i64, String, i64)> =
            sqlx::query_as("SELECT name, \"unique\", origin, partial FROM pragma_index_list($1)")
                .bind(&table)
                .fetch_all(&pool)
                .await
                .expect("indexes");
        for (name, unique, origin, partial) in indexes {
            let columns: Vec<String> =
                sqlx::query_scalar("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                    .bind(&name)
                    .fetch_all(&pool)
                    .await
                    .expect("an index's columns");
            match origin.as_str() {
                "c" => {
                    schema.indexes.insert((
                        table.clone(),
                        name,
                        columns,
                        unique == 1,
                        partial == 1,
                    ));
                }
                "u" => {
                    schema.unique.insert((table.clone(), columns));
                }
                _ => {}
            }
        }
    }

    let triggers: Vec<(String, String)> =
        sqlx::query_as("SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'")
            .fetch_all(&pool)
            .await
            .expect("triggers");
    let event = Regex::new(r"(?i)\b(BEFORE|AFTER|INSTEAD\s+OF)\s+(INSERT|UPDATE|DELETE)\b")
        .expect("a pattern");
    for (table, sql) in triggers {
        let found = event.captures(&sql).expect("a trigger names its event");
        schema
            .triggers
            .insert((table, found[1].to_uppercase(), found[2].to_uppercase()));
    }
    pool.close().await;
    schema
}

/// One PostgreSQL constraint: its kind, its table and columns in key order, and for a
/// reference the table and columns it points at.
#[derive(sqlx::FromRow)]
struct Constraint {
    kind: String,
    table_name: String,
    columns: Vec<String>,
    target: Option<String>,
    target_columns: Vec<String>,
}

async fn postgres_schema(url: &str) -> Schema {
    let pool = PgPool::connect(url).await.expect("PostgreSQL opens");
    let mut schema = Schema::default();
    let columns: Vec<(String, String, String, bool, bool)> = sqlx::query_as(
        "SELECT c.table_name::text, c.column_name::text, c.data_type::text, \
         c.is_nullable = 'NO', c.column_default IS NOT NULL \
         FROM information_schema.columns c JOIN information_schema.tables t \
         ON t.table_schema = c.table_schema AND t.table_name = c.table_name \
         WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' \
         AND c.table_name <> $1 ORDER BY c.table_name, c.ordinal_position",
    )
    .bind(SQLX_TABLE)
    .fetch_all(&pool)
    .await
    .expect("columns");
    for (table, name, ty, not_null, default) in columns {
        schema
            .columns
            .entry(table)
            .or_default()
            .push((name, ty, not_null, default));
    }

    // Each constraint's table and columns in key order, with the referenced side for
    // foreign keys.
    let constraints: Vec<Constraint> = sqlx::query_as(
        "SELECT con.contype::text AS kind, cl.relname::text AS table_name, \
             ARRAY(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(n, i) \
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n \
                   ORDER BY k.i) AS columns, \
             ref.relname::text AS target, \
             ARRAY(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(n, i) \
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n \
                   ORDER BY k.i) AS target_columns \
             FROM pg_constraint con JOIN pg_class cl ON cl.oid = con.conrelid \
             LEFT JOIN pg_class ref ON ref.oid = con.confrelid \
             WHERE cl.relnamespace = current_schema()::text::regnamespace AND cl.relname <> $1",
    )
    .bind(SQLX_TABLE)
    .fetch_all(&pool)
    .await
    .expect("constraints");
    for Constraint {
        kind,
        table_name: table,
        columns,
        target,
        target_columns,
    } in constraints
    {
        match kind.as_str() {
            "p" => {
                schema.primary_keys.insert(table, columns);
            }
            "u" => {
                schema.unique.insert((table, columns));
            }
            "f" => {
                let target = target.expect("a reference names its table");
                for (from, to) in columns.into_iter().zip(target_columns) {
                    schema
                        .foreign_keys
                        .insert((table.clone(), from, target.clone(), to));
                }
            }
            "c" => *schema.checks.entry(table).or_default() += 1,
            _ => {}
        }
    }

    // Indexes made by CREATE INDEX, not the ones behind a key or UNIQUE constraint.
    let indexes: Vec<(String, String, Vec<String>, bool, bool)> = sqlx::query_as(
        "SELECT t.relname::text, ix.relname::text, \
         ARRAY(SELECT a.attname::text FROM unnest(i.indkey) WITH ORDINALITY k(n, o) \
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.n \
               ORDER BY k.o), \
         i.indisunique, i.indpred IS NOT NULL \
         FROM pg_index i JOIN pg_class ix ON ix.oid = i.indexrelid \
         JOIN pg_class t ON t.oid = i.indrelid \
         WHERE t.relnamespace = current_schema()::text::regnamespace AND t.relname <> $1 \
         AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)",
    )
    .bind(SQLX_TABLE)
    .fetch_all(&pool)
    .await
    .expect("indexes");
    schema.indexes.extend(indexes);

    let triggers: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT DISTINCT event_object_table::text, action_timing::text, \
         event_manipulation::text FROM information_schema.triggers \
         WHERE trigger_schema = current_schema()",
    )
    .fetch_all(&pool)
    .await
    .expect("triggers");
    schema.triggers.extend(triggers);
    pool.close().await;
    schema
}
