//! Tool calls from the tools a request declares, for both chat dialects: which
//! function to call (the best name/description match with the question, or the
//! one `tool_choice` forces) and arguments that are an instance of its schema.

use crate::instance::{instance, names_in};
use crate::text::{hash, topic};
use serde_json::Value;

/// A declared function: its name, description and arguments' JSON Schema.
pub(crate) struct Function<'a> {
    pub name: &'a str,
    pub description: &'a str,
    pub schema: &'a Value,
}

/// One call the model makes: a stable id suffix, the function and its arguments.
pub(crate) struct Planned {
    pub id: String,
    pub name: String,
    pub arguments: Value,
}

/// The calls answering `question` with `functions`: the `forced` function (when
/// declared) or the best match; with `parallel`, one call per name the question
/// mentions (at least two), each with its own name first among the hints.
pub(crate) fn plan(
    functions: &[Function],
    question: &str,
    forced: Option<&str>,
    parallel: bool,
) -> Vec<Planned> {
    let Some(chosen) = forced
        .and_then(|f| functions.iter().find(|t| t.name == f))
        .or_else(|| best(functions, question))
    else {
        return Vec::new();
    };
    let names = names_in(question);
    let count = if parallel { names.len().max(2) } else { 1 };
    (0..count)
        .map(|i| {
            let mut hints = names.clone();
            let turn = if hints.is_empty() { 0 } else { i % hints.len() };
            hints.rotate_left(turn);
            // Arguments are an object, also for a function declaring no schema.
            let arguments = match instance(chosen.schema, &hints) {
                object @ Value::Object(_) => object,
                _ => Value::Object(Default::default()),
            };
            let seed = format!("{question}\n{}\n{i}", chosen.name);
            Planned {
                id: format!("{:016x}", hash(&seed)),
                name: chosen.name.to_owned(),
                arguments,
            }
        })
        .collect()
}

/// The function sharing the most words with `question` (name and description),
/// the first on a tie.
fn best<'f, 'a>(functions: &'f [Function<'a>], question: &str) -> Option<&'f Function<'a>> {
    let asked = topic(question);
    let score = |f: &Function| {
        let own = topic(&format!("{} {}", f.name, f.description));
        asked.iter().filter(|w| own.contains(w)).count()
    };
    let top = functions.iter().map(score).max()?;
    functions.iter().find(|f| score(f) == top)
}

/// How the answer to a tool result reads: which tool said what.
pub(crate) fn report(results: &[(String, String)]) -> String {
    let said: Vec<String> = results
        .iter()
        .map(|(name, result)| format!("{name} returned {result}"))
        .collect();
    format!("Based on the tool results: {}.", said.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn the_best_match_or_the_forced_function_is_called() {
        let city = json!({"type": "object", "properties": {"city": {"type": "string"}}});
        let query = json!({"type": "object", "properties": {"query": {"type": "string"}}});
        let functions = [
            Function {
                name: "search_docs",
                description: "Search the manual",
                schema: &query,
            },
            Function {
                name: "get_weather",
                description: "Current weather of a city",
                schema: &city,
            },
        ];
        let calls = plan(&functions, "What's the weather in Paris?", None, false);
        assert_eq!(calls.len(), 1);
        assert_eq!(
            (calls[0].name.as_str(), &calls[0].arguments),
            ("get_weather", &json!({"city": "Paris"}))
        );
        let forced = plan(
            &functions,
            "What's the weather in Paris?",
            Some("search_docs"),
            false,
        );
        assert_eq!(forced[0].arguments, json!({"query": "Paris"}));
        let parallel = plan(&functions, "Weather in Lisbon and Porto?", None, true);
        let cities: Vec<&Value> = parallel.iter().map(|c| &c.arguments["city"]).collect();
        assert_eq!(cities, [&json!("Lisbon"), &json!("Porto")]);
        assert_ne!(parallel[0].id, parallel[1].id);
        // Deterministic for the same request.
        assert_eq!(
            plan(&functions, "Weather in Lisbon?", None, false)[0].id,
            plan(&functions, "Weather in Lisbon?", None, false)[0].id
        );
    }
}
