//! A WHATWG event-stream decoder: bytes at any boundary in, events out.

use crate::runtime::error::StreamError;

/// Default cap on one event's size: far above any real chunk, far below harm.
pub const DEFAULT_MAX_EVENT_SIZE: usize = 16 * 1024 * 1024;

/// One dispatched event, borrowing the input it arrived in or the decoder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Event<'a> {
    /// `event:` field; `None` means the default type `message`.
    pub event: Option<&'a str>,
    /// `data:` lines joined with `\n`.
    pub data: &'a str,
    /// `id:` field of this event, if it set one.
    pub id: Option<&'a str>,
    /// `retry:` field of this event, if it set a valid one.
    pub retry: Option<u64>,
}

/// Incremental event-stream decoder: give it bytes as they arrive, at any
/// boundary, and take the events it completes one at a time
/// ([`Decoder::next_event`]) or through a callback ([`Decoder::feed`]). Lines
/// end in LF, CRLF or CR; a leading BOM and comment lines are skipped;
/// `id`/`retry` are parsed. An event whose lines all lie in one input is handed
/// out borrowing that input: only lines split across inputs and events of
/// several `data:` lines are copied.
#[derive(Debug)]
pub struct Decoder {
    /// The start of a line split across inputs (or of a possible BOM).
    partial: Vec<u8>,
    /// The previous input ended in CR: a leading LF of the next one belongs to it.
    after_cr: bool,
    bom_checked: bool,
    /// The event's data, once it can no longer borrow the input.
    data: String,
    has_data: bool,
    /// An event was handed out: its fields are cleared on the next call.
    dispatched: bool,
    event: String,
    id: String,
    has_id: bool,
    retry: Option<u64>,
    pub(crate) max_event_size: usize,
}

impl Default for Decoder {
    fn default() -> Self {
        Decoder::new(DEFAULT_MAX_EVENT_SIZE)
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl Decoder {
    /// A decoder refusing events (or lines) larger than `max_event_size` bytes.
    pub fn new(max_event_size: usize) -> Self {
        Decoder {
            partial: Vec::new(),
            after_cr: false,
            bom_checked: false,
            data: String::new(),
            has_data: false,
            dispatched: false,
            event: String::new(),
            id: String::new(),
            has_id: false,
            retry: None,
            max_event_size,
        }
    }

    /// Decodes `chunk`, calling `on_event` for each event it completes. Stops at
    /// the first error `on_event` returns.
    pub fn feed<E: From<StreamError>>(
        &mut self,
        chunk: &[u8],
        mut on_event: impl FnMut(Event<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        let mut pos = 0;
        while let Some(event) = self.next_event(chunk, &mut pos)? {
            on_event(event)?;
        }
        Ok(())
    }

    /// Decodes `input` from `*pos` up to the end of the next event and returns
    /// it, with `*pos` just past it; `None` once the input is used up (`*pos` is
    /// then its length and the next input continues where it stopped). Call it
    /// again with the same input after an event: the rest may hold more.
    pub fn next_event<'a>(
        &'a mut self,
        input: &'a [u8],
        pos: &mut usize,
    ) -> Result<Option<Event<'a>>, StreamError> {
        if self.dispatched {
            self.dispatched = false;
            self.data.clear();
            self.has_data = false;
            self.event.clear();
            self.retry = None;
        }
        let mut at = (*pos).min(input.len());
        if self.after_cr && at < input.len() {
            self.after_cr = false;
            at += usize::from(input[at] == b'\n');
        }
        if !self.bom_checked {
            // The BOM may itself arrive split: hold its start until it is whole
            // or turns out to be the start of the first line.
            let have = self.partial.len();
            let next = &input[at..input.len().min(at + BOM.len() - have)];
            if BOM[have..].starts_with(next) {
                self.partial.extend_from_slice(next);
                at += next.len();
                if self.partial.len() < BOM.len() {
                    *pos = at;
                    return Ok(None);
                }
                self.partial.clear();
            }
            self.bom_checked = true;
        }
        // The data of the current event while it still lies in `input`.
        let mut borrowed: Option<&'a str> = None;
        let dispatch = loop {
            let Some(offset) = memchr::memchr2(b'\n', b'\r', &input[at..]) else {
                break false;
            };
            let end = at + offset;
            let line = &input[at..end];
            at = end + 1;
            if input[end] == b'\r' {
                match input.get(at) {
                    Some(b'\n') => at += 1,
                    Some(_) => {}
                    None => self.after_cr = true,
                }
            }
            let dispatch = if self.partial.is_empty() {
                self.line(line, &mut borrowed)
            } else {
                self.carried_line(line)
            };
            match dispatch {
                Ok(true) => break true,
                // The usual end of an event: data, then an empty LF-ended line,
                // taken here without searching for it.
                Ok(false)
                    if input.get(at) == Some(&b'\n') && (borrowed.is_some() || self.has_data) =>
                {
                    at += 1;
                    break true;
                }
                Ok(false) => {}
                Err(e) => {
                    *pos = at;
                    return Err(e);
                }
            }
        };
        if dispatch {
            *pos = at;
            self.dispatched = true;
            return Ok(Some(Event {
                event: (!self.event.is_empty()).then_some(self.event.as_str()),
                data: borrowed.unwrap_or(&self.data),
                id: self.has_id.then_some(self.id.as_str()),
                retry: self.retry,
            }));
        }
        // The input is used up: keep what the next one continues.
        if let Some(data) = borrowed {
            self.data.push_str(data);
            self.has_data = true;
        }
        self.partial.extend_from_slice(&input[at..]);
        *pos = input.len();
        // An unterminated line already longer than the limit can only grow: fail
        // now, as [`Self::line`] would once it ends (same verdict at any chunking).
        if self.partial.len() > self.max_event_size {
            return Err(StreamError::EventTooLarge(self.max_event_size));
        }
        Ok(None)
    }

    /// Processes the line begun in an earlier input and ending with `rest`.
    fn carried_line(&mut self, rest: &[u8]) -> Result<bool, StreamError> {
        let mut line = std::mem::take(&mut self.partial);
        line.extend_from_slice(rest);
        let mut held = None;
        let dispatch = self.line(&line, &mut held);
        // Nothing was borrowed before: the carried line is an input's first.
        if let Some(data) = held {
            self.data.push_str(data);
            self.has_data = true;
        }
        line.clear();
        self.partial = line;
        dispatch
    }

    /// Processes one line; `Ok(true)` when it completes an event. A first
    /// `data:` line is only noted in `borrowed`, not copied.
    fn line<'l>(
        &mut self,
        line: &'l [u8],
        borrowed: &mut Option<&'l str>,
    ) -> Result<bool, StreamError> {
        if line.is_empty() {
            if borrowed.is_some() || self.has_data {
                return Ok(true);
            }
            self.event.clear();
            self.retry = None;
            return Ok(false);
        }
        if line.len() > self.max_event_size {
            return Err(StreamError::EventTooLarge(self.max_event_size));
        }
        if line[0] == b':' {
            return Ok(false);
        }
        let utf8 = |bytes| std::str::from_utf8(bytes).map_err(|_| StreamError::InvalidUtf8);
        // Nearly every line is data: its field name needs no search.
        if let Some(value) = line.strip_prefix(b"data:") {
            let value = utf8(value.strip_prefix(b" ").unwrap_or(value))?;
            self.data_line(value, borrowed)?;
            return Ok(false);
        }
        let line = utf8(line)?;
        let (field, value) = match line.split_once(':') {
            Some((field, value)) => (field, value.strip_prefix(' ').unwrap_or(value)),
            None => (line, ""),
        };
        match field {
            "data" => self.data_line(value, borrowed)?,
            "event" => {
                self.event.clear();
                self.event.push_str(value);
            }
            "id" if !value.contains('\0') => {
                self.id.clear();
                self.id.push_str(value);
                self.has_id = true;
            }
            "retry" => self.retry = value.parse().ok().or(self.retry),
            _ => {}
        }
        Ok(false)
    }

    /// Adds a `data:` line's value to the event. The first is only noted in
    /// `borrowed`, not copied.
    fn data_line<'l>(
        &mut self,
        value: &'l str,
        borrowed: &mut Option<&'l str>,
    ) -> Result<(), StreamError> {
        let had = borrowed.is_some() || self.has_data;
        let len = borrowed.map_or(self.data.len(), str::len);
        if len + usize::from(had) + value.len() > self.max_event_size {
            return Err(StreamError::EventTooLarge(self.max_event_size));
        }
        match borrowed.take() {
            None if !had => *borrowed = Some(value),
            first => {
                // A further line: the data is joined in our own buffer.
                self.data.push_str(first.unwrap_or_default());
                self.data.push('\n');
                self.data.push_str(value);
                self.has_data = true;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "../../../tests/unit/decoder.rs"]
mod tests;
