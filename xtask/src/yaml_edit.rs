//! Edits a block-style YAML text in place by JSON pointer: adds a mapping entry
//! or a list item and leaves every other line (comments, layout) as it was, so
//! `drift --apply` makes a diff a reviewer can read.
//!
//! It finds nodes by indentation, the way spec/zai.yaml is written: mappings in
//! block style (a sequence item's first key on its `- ` line), lists in block or
//! flow style (`[a, b]`, possibly over several lines). A node written in flow
//! style (`{a: 1}`) is not entered: such an edit is refused with a reason.

use serde_json::Value;

/// A YAML text being edited.
pub struct YamlText {
    lines: Vec<String>,
}

/// One line's shape.
struct Shape {
    /// Blank or a comment.
    skip: bool,
    /// Starts with `- `.
    dash: bool,
    /// Leading spaces.
    indent: usize,
    /// Column of the line's key (after `- ` on a dash line).
    key_indent: usize,
}

/// A node found by pointer: its key line (none for the root), the column of
/// its key, and the lines `[line + 1, end)` holding its value.
struct Node {
    line: Option<usize>,
    key_indent: Option<usize>,
    end: usize,
    /// The text after `key:` on the key line, when the value starts there.
    inline: Option<String>,
    /// A sequence item: its own first line is one of its keys.
    item: bool,
}

impl YamlText {
    pub fn new(text: &str) -> Self {
        YamlText {
            lines: text.lines().map(str::to_owned).collect(),
        }
    }

    pub fn text(&self) -> String {
        self.lines.join("\n") + "\n"
    }

    fn shape(&self, i: usize) -> Shape {
        let line = &self.lines[i];
        let body = line.trim_start();
        let indent = line.len() - body.len();
        let dash = body.starts_with("- ") || body == "-";
        let key_indent = if dash {
            indent + 2 + body[1..].len() - body[1..].trim_start().len() - 1
        } else {
            indent
        };
        Shape {
            skip: body.is_empty() || body.starts_with('#'),
            dash,
            indent,
            key_indent,
        }
    }

    /// The text of line `i` after its indentation and `- `.
    fn body(&self, i: usize) -> &str {
        let body = self.lines[i].trim_start();
        body.strip_prefix("- ").map_or(body, str::trim_start)
    }

    /// The lines `[from, end)` of a node's value that hold content.
    fn content(&self, from: usize, end: usize) -> impl Iterator<Item = usize> + '_ {
        (from..end).filter(|&i| !self.shape(i).skip)
    }

    /// The first line after `from` that holds content at or left of `column`.
    fn block_end(&self, from: usize, column: usize) -> usize {
        (from + 1..self.lines.len())
            .find(|&i| !self.shape(i).skip && self.shape(i).key_indent <= column)
            .unwrap_or(self.lines.len())
    }

    /// The node at `pointer` (`""` is the document).
    fn find(&self, pointer: &str) -> Result<Node, String> {
        let mut node = Node {
            line: None,
            key_indent: None,
            end: self.lines.len(),
            inline: None,
            item: false,
        };
        for token in pointer.split('/').skip(1) {
            let token = token.replace("~1", "/").replace("~0", "~");
            if node.inline.is_some() {
                return Err(format!("{pointer}: a flow-style value is not edited"));
            }
            let from = match (node.line, node.item) {
                (Some(line), false) => line + 1,
                (Some(line), true) => line,
                (None, _) => 0,
            };
            let first = self.content(from, node.end).next();
            let first = first.ok_or_else(|| format!("{pointer}: `{token}` not found"))?;
            let shape = self.shape(first);
            node = if shape.dash && !(node.item && first == from) {
                let index: usize = token
                    .parse()
                    .map_err(|_| format!("{pointer}: not a list index"))?;
                let items = self.content(from, node.end);
                let items: Vec<usize> = items
                    .filter(|&i| self.shape(i).dash && self.shape(i).indent == shape.indent)
                    .collect();
                let line = *items
                    .get(index)
                    .ok_or_else(|| format!("{pointer}: no item {index}"))?;
                Node {
                    line: Some(line),
                    key_indent: Some(shape.key_indent),
                    end: self.block_end(line, shape.indent),
                    inline: None,
                    item: true,
                }
            } else {
                let column = shape.key_indent;
                let line = self
                    .content(from, node.end)
                    .filter(|&i| self.shape(i).key_indent == column)
                    .filter(|&i| !self.shape(i).dash || (node.item && i == from))
                    .find(|&i| key_of(self.body(i)).is_some_and(|(k, _)| k == token))
                    .ok_or_else(|| format!("{pointer}: `{token}` not found"))?;
                let rest = key_of(self.body(line)).map(|(_, rest)| rest.to_owned());
                let inline = rest.filter(|r| !r.is_empty() && !r.starts_with('#'));
                let inline = inline.filter(|r| !r.starts_with('>') && !r.starts_with('|'));
                Node {
                    line: Some(line),
                    key_indent: Some(column),
                    end: self.block_end(line, column),
                    inline,
                    item: false,
                }
            };
        }
        Ok(node)
    }

    /// Where new lines of a node's value go: after its last content line.
    fn insertion(&self, node: &Node) -> usize {
        let from = node.line.map_or(0, |l| l + 1);
        let last = self.content(from, node.end).last();
        last.map_or(from, |i| i + 1).max(from)
    }

    /// Adds `key: value` at the end of the mapping at `pointer`, creating the
    /// mapping (as an entry of its parent) when it is absent.
    pub fn insert_entry(&mut self, pointer: &str, key: &str, value: &Value) -> Result<(), String> {
        let node = match self.find(pointer) {
            Ok(node) => node,
            Err(_) if !pointer.is_empty() => {
                let (parent, name) = pointer.rsplit_once('/').unwrap_or(("", pointer));
                let name = name.replace("~1", "/").replace("~0", "~");
                let mut map = serde_json::Map::new();
                map.insert(key.to_owned(), value.clone());
                return self.insert_entry(parent, &name, &Value::Object(map));
            }
            Err(e) => return Err(e),
        };
        if node.inline.is_some() {
            return Err(format!("{pointer}: a flow-style mapping is not edited"));
        }
        let from = node.line.map_or(0, |l| l + 1);
        let column = match self.content(from, node.end).next() {
            Some(i) if !(node.item && node.line == Some(i)) => self.shape(i).key_indent,
            _ => node.key_indent.map_or(0, |k| k + 2),
        };
        let at = self.insertion(&node);
        let lines = entry(key, value, column);
        self.lines.splice(at..at, lines);
        Ok(())
    }

    /// Appends `value` to the list at `pointer` (block or flow style), creating
    /// it (as an entry of its parent) when it is absent.
    pub fn append_item(&mut self, pointer: &str, value: &Value) -> Result<(), String> {
        let node = match self.find(pointer) {
            Ok(node) => node,
            Err(_) => {
                let (parent, name) = pointer.rsplit_once('/').unwrap_or(("", pointer));
                let list = Value::Array(vec![value.clone()]);
                return self.insert_entry(
                    parent,
                    &name.replace("~1", "/").replace("~0", "~"),
                    &list,
                );
            }
        };
        let line = node.line.ok_or("the document is not a list")?;
        if node.inline.is_some() {
            let close = (line..node.end)
                .rev()
                .find(|&i| self.lines[i].contains(']'));
            let close = close.ok_or_else(|| format!("{pointer}: not a list"))?;
            let at = self.lines[close].rfind(']').unwrap_or_default();
            let empty = self.lines[close][..at].trim_end().ends_with('[');
            let separator = if empty { "" } else { ", " };
            let item = format!("{separator}{}", scalar(value));
            self.lines[close].insert_str(at, &item);
            return Ok(());
        }
        let first = self.content(line + 1, node.end).next();
        let dash = first.map_or(node.key_indent.unwrap_or(0) + 2, |i| self.shape(i).indent);
        let at = self.insertion(&node);
        self.lines.splice(at..at, item(value, dash));
        Ok(())
    }
}

/// `key` and the rest of a `key: rest` line, the key unquoted.
fn key_of(body: &str) -> Option<(String, &str)> {
    if let Some(quoted) = body.strip_prefix('"') {
        let end = quoted.find("\":")?;
        let key: String = serde_json::from_str(&body[..end + 2]).ok()?;
        return Some((key, quoted[end + 2..].trim()));
    }
    if let Some(quoted) = body.strip_prefix('\'') {
        let end = quoted.find("':")?;
        return Some((quoted[..end].replace("''", "'"), quoted[end + 2..].trim()));
    }
    let colon = body
        .find(": ")
        .or_else(|| body.strip_suffix(':').map(str::len))?;
    Some((body[..colon].to_owned(), body[colon + 1..].trim()))
}

/// A key or string that needs no quotes.
fn plain(text: &str) -> bool {
    let reserved = [
        "true", "false", "null", "yes", "no", "on", "off", "y", "n", "~",
    ];
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || "_/$".contains(c))
        && chars.all(|c| c.is_ascii_alphanumeric() || "_./{}-".contains(c))
        && !reserved.contains(&text.to_ascii_lowercase().as_str())
}

/// A scalar, or a flow list of scalars, as YAML.
fn scalar(value: &Value) -> String {
    match value {
        Value::String(s) if plain(s) => s.clone(),
        Value::Array(items) => {
            let items: Vec<String> = items.iter().map(scalar).collect();
            format!("[{}]", items.join(", "))
        }
        other => other.to_string(),
    }
}

/// Whether a value is written on its key's line.
fn flat(value: &Value) -> bool {
    match value {
        Value::Object(map) => map.is_empty(),
        Value::Array(items) => items.iter().all(|i| !i.is_object() && !i.is_array()),
        _ => true,
    }
}

/// Keys in the order the spec writes them; others after, alphabetically.
const KEY_ORDER: [&str; 27] = [
    "operationId",
    "summary",
    "description",
    "x-zai-base",
    "x-zai-stream",
    "name",
    "in",
    "type",
    "format",
    "nullable",
    "const",
    "enum",
    "required",
    "parameters",
    "requestBody",
    "content",
    "schema",
    "properties",
    "items",
    "additionalProperties",
    "oneOf",
    "anyOf",
    "allOf",
    "action",
    "channel",
    "messages",
    "payload",
];

/// A mapping's entries in [`KEY_ORDER`].
fn ordered(map: &serde_json::Map<String, Value>) -> Vec<(&String, &Value)> {
    let mut entries: Vec<_> = map.iter().collect();
    let rank = |k: &str| {
        KEY_ORDER
            .iter()
            .position(|o| *o == k)
            .unwrap_or(KEY_ORDER.len())
    };
    entries.sort_by_key(|(k, _)| rank(k));
    entries
}

/// `key: value` as lines at `column`.
fn entry(key: &str, value: &Value, column: usize) -> Vec<String> {
    let pad = " ".repeat(column);
    let key = if plain(key) {
        key.to_owned()
    } else {
        Value::from(key).to_string()
    };
    if flat(value) {
        return vec![format!("{pad}{key}: {}", scalar(value))];
    }
    let mut out = vec![format!("{pad}{key}:")];
    match value {
        Value::Object(map) => ordered(map)
            .into_iter()
            .for_each(|(k, v)| out.extend(entry(k, v, column + 2))),
        Value::Array(items) => items.iter().for_each(|i| out.extend(item(i, column + 2))),
        _ => {}
    }
    out
}

/// A list item `- value` as lines, its dash at `column`.
fn item(value: &Value, column: usize) -> Vec<String> {
    let pad = " ".repeat(column);
    match value {
        Value::Object(map) if !map.is_empty() => {
            let mut lines: Vec<String> = ordered(map)
                .into_iter()
                .flat_map(|(k, v)| entry(k, v, column + 2))
                .collect();
            lines[0].replace_range(column..column + 2, "- ");
            lines
        }
        other => vec![format!("{pad}- {}", scalar(other))],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const SPEC: &str = "\
# header comment
paths:
  /a:
    get:
      operationId: a   # why
      parameters:
        - name: x
          in: query
components:
  schemas:
    A:
      type: object
      properties:
        id:
          type: string
        mode:
          enum: [one,
                 two]
      # a trailing comment stays with what follows

    B:
      oneOf:
        - type: object
          properties:
            kind: {type: string}
";

    #[test]
    fn entries_go_after_the_last_line_of_their_mapping_and_keep_the_rest() {
        let mut yaml = YamlText::new(SPEC);
        let field =
            json!({"description": "Seen: yes", "type": "array", "items": {"type": "string"}});
        yaml.insert_entry("/components/schemas/A/properties", "tags", &field)
            .unwrap();
        yaml.insert_entry(
            "/components/schemas/B/oneOf/0/properties",
            "count",
            &json!({"type": "integer"}),
        )
        .unwrap();
        yaml.append_item(
            "/components/schemas/A/properties/mode/enum",
            &json!("three"),
        )
        .unwrap();
        yaml.append_item(
            "/paths/~1a/get/parameters",
            &json!({"name": "page", "in": "query"}),
        )
        .unwrap();
        let expected = SPEC
            .replace(
                "                 two]\n",
                "                 two, three]\n        tags:\n          description: \"Seen: yes\"\n          type: array\n          items:\n            type: string\n",
            )
            .replace("          in: query\n", "          in: query\n        - name: page\n          in: query\n")
            .replace("{type: string}\n", "{type: string}\n            count:\n              type: integer\n");
        assert_eq!(yaml.text(), expected);
        let read = zai_codegen::read_document(&yaml.text()).unwrap();
        assert_eq!(
            read["components"]["schemas"]["A"]["properties"]["mode"]["enum"],
            json!(["one", "two", "three"])
        );
    }

    #[test]
    fn absent_mappings_are_created_and_flow_mappings_refused() {
        let mut yaml = YamlText::new(SPEC);
        yaml.insert_entry(
            "/paths/~1a/get/responses",
            "200",
            &json!({"description": "ok"}),
        )
        .unwrap();
        assert!(yaml.text().contains("      parameters:\n        - name: x\n          in: query\n      responses:\n        \"200\":\n          description: ok\ncomponents:"));
        let err = yaml
            .insert_entry(
                "/components/schemas/B/oneOf/0/properties/kind",
                "enum",
                &json!(["a"]),
            )
            .unwrap_err();
        assert!(err.contains("flow-style"), "{err}");
    }
}
