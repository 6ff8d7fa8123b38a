//! The evaluation export as files an evaluator can open: CSV, Parquet, and the data
//! dictionary that says what each column means. The rows come from
//! `app::backend::evaluation`, which decides who may have them and audits the read; this
//! only writes them down.

use crate::export::{attachment, problem, signed_in};
use crate::state::AppState;
use app::api::AppError;
use app::backend::evaluation::{DICTIONARY, EvaluationRow};
use axum::extract::{Request, State};
use axum::response::Response;
use parquet::basic::{LogicalType, Repetition, Type as Physical};
use parquet::data_type::{ByteArray, ByteArrayType, Int32Type};
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::types::Type;
use std::sync::Arc;

/// One CSV cell, quoted when it must be, and never read as a formula by a spreadsheet.
fn csv_cell(cell: &str) -> String {
    let cell = if cell.starts_with(['=', '+', '-', '@']) && cell.parse::<f64>().is_err() {
        format!("'{cell}")
    } else {
        cell.to_owned()
    };
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell
    }
}

pub(crate) fn csv_line(cells: impl IntoIterator<Item = String>) -> String {
    let mut line = cells
        .into_iter()
        .map(|c| csv_cell(&c))
        .collect::<Vec<_>>()
        .join(",");
    line.push_str("\r\n");
    line
}

/// The rows as CSV (RFC 4180), with a header row of the dictionary's column names.
pub fn csv(rows: &[EvaluationRow], exported: &str) -> String {
    let mut out = csv_line(DICTIONARY.iter().map(|(name, _, _)| (*name).to_owned()));
    for row in rows {
        out.push_str(&csv_line(row.cells(exported)));
    }
    out
}

/// The data dictionary as CSV: each column's name, type and meaning.
pub fn dictionary() -> String {
    let mut out = csv_line(["column", "type", "meaning"].map(str::to_owned));
    for (name, kind, meaning) in DICTIONARY {
        out.push_str(&csv_line([name, kind, meaning].map(str::to_owned)));
    }
    out
}

/// How a column of the dictionary is kept in Parquet.
fn column_type(name: &str, kind: &str) -> parquet::errors::Result<Type> {
    let (physical, logical) = if kind.starts_with("text") {
        (Physical::BYTE_ARRAY, Some(LogicalType::String))
    } else {
        (Physical::INT32, None)
    };
    let repetition = if kind.ends_with("or empty") {
        Repetition::OPTIONAL
    } else {
        Repetition::REQUIRED
    };
    Type::primitive_type_builder(name, physical)
        .with_repetition(repetition)
        .with_logical_type(logical)
        .build()
}

/// The rows as a Parquet file: one row group, a column per dictionary entry, text as
/// UTF-8 strings and numbers as 32-bit integers, an empty cell as null.
pub fn parquet(rows: &[EvaluationRow], exported: &str) -> parquet::errors::Result<Vec<u8>> {
    let fields = DICTIONARY
        .iter()
        .map(|(name, kind, _)| column_type(name, kind).map(Arc::new))
        .collect::<parquet::errors::Result<Vec<_>>>()?;
    let schema = Type::group_type_builder("evaluation")
        .with_fields(fields)
        .build()?;
    let cells: Vec<Vec<String>> = rows.iter().map(|r| r.cells(exported)).collect();
    let mut file = Vec::new();
    {
        let properties = Arc::new(WriterProperties::builder().build());
        let mut writer = SerializedFileWriter::new(&mut file, Arc::new(schema), properties)?;
        let mut group = writer.next_row_group()?;
        let mut index = 0;
        while let Some(mut column) = group.next_column()? {
            let (_, kind, _) = DICTIONARY[index];
            let values = cells.iter().map(|row| row[index].as_str());
            let optional = kind.ends_with("or empty");
            let levels: Vec<i16> = values.clone().map(|v| i16::from(!v.is_empty())).collect();
            let levels = optional.then_some(levels.as_slice());
            let present = values.filter(|v| !optional || !v.is_empty());
            if kind.starts_with("text") {
                let data: Vec<ByteArray> = present.map(ByteArray::from).collect();
                column
                    .typed::<ByteArrayType>()
                    .write_batch(&data, levels, None)?;
            } else {
                let data: Vec<i32> = present.map(|v| v.parse().unwrap_or_default()).collect();
                column
                    .typed::<Int32Type>()
                    .write_batch(&data, levels, None)?;
            }
            column.close()?;
            index += 1;
        }
        group.close()?;
        writer.close()?;
    }
    Ok(file)
}

#[derive(Clone, Copy)]
enum Format {
    Csv,
    Parquet,
}

async fn export(state: AppState, request: Request, format: Format) -> Response {
    let session = match signed_in(&request) {
        Ok(session) => session,
        Err(error) => return problem(&error),
    };
    let services = &state.services;
    let export = match app::backend::evaluation::export(
        &services.store,
        &session,
        services.pseudonym_key.as_ref(),
        &services.zone,
    )
    .await
    {
        Ok(export) => export,
        Err(error) => return problem(&error),
    };
    let (rows, exported) = (export.rows, export.month);
    match format {
        Format::Csv => attachment(
            csv(&rows, &exported).into_bytes(),
            "text/csv; charset=utf-8",
            &format!("evaluation-{exported}.csv"),
        ),
        Format::Parquet => match parquet(&rows, &exported) {
            Ok(bytes) => attachment(
                bytes,
                "application/vnd.apache.parquet",
                &format!("evaluation-{exported}.parquet"),
            ),
            Err(error) => {
                tracing::error!(%error, "could not write the evaluation export as Parquet");
                problem(&AppError::Internal)
            }
        },
    }
}

pub async fn evaluation_csv(State(state): State<AppState>, request: Request) -> Response {
    export(state, request, Format::Csv).await
}

pub async fn evaluation_parquet(State(state): State<AppState>, request: Request) -> Response {
    export(state, request, Format::Parquet).await
}

/// The data dictionary holds nothing about anyone, but goes with the export, to the
/// council's admins who make it.
pub async fn evaluation_dictionary(request: Request) -> Response {
    let session = match signed_in(&request) {
        Ok(session) => session,
        Err(error) => return problem(&error),
    };
    if !app::backend::policy::may_issue_staff_code(&session.actor) {
        return problem(&AppError::NotFound);
    }
    attachment(
        dictionary().into_bytes(),
        "text/csv; charset=utf-8",
        "evaluation-dictionary.csv",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_csv_cell_is_quoted_when_it_must_be_and_never_read_as_a_formula() {
        assert_eq!(csv_cell("North team"), "North team");
        assert_eq!(csv_cell("North, East"), "\"North, East\"");
        assert_eq!(csv_cell("the \"best\" team"), "\"the \"\"best\"\" team\"");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("@team"), "'@team");
        // A number stays a number, sign and all.
        assert_eq!(csv_cell("-3"), "-3");
        assert_eq!(csv_line(["a".to_owned(), "b".to_owned()]), "a,b\r\n");
    }

    #[test]
    fn the_dictionary_has_a_line_for_every_column_and_a_header() {
        let dictionary = dictionary();
        assert!(dictionary.starts_with("column,type,meaning\r\n"));
        assert_eq!(dictionary.lines().count(), DICTIONARY.len() + 1);
    }
}
