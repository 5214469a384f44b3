//! Paging (`x-zai-pages`): a stream of every page of a list operation.

use crate::runtime::error::Error;
use futures_core::Stream;
use serde::Serialize;
use serde_json::Value;
use std::future::Future;

/// How the query for the page after this one is made (from the spec's `x-zai-pages`).
pub(crate) enum Next<Q> {
    /// The next page starts after the last item's `id` (`set` puts it in the
    /// query) while the flag at pointer `has_more` is `true`.
    Cursor {
        items: &'static str,
        has_more: &'static str,
        set: fn(Q, String) -> Q,
    },
    /// Numbered pages from 1: the next number while the page had items and fewer
    /// than the count at pointer `total` came so far.
    Numbered {
        items: &'static str,
        total: &'static str,
        page: fn(&Q) -> Option<i64>,
        set: fn(Q, i64) -> Q,
    },
}

// Copied into each page's future; a derive would demand `Q: Copy`.
impl<Q> Clone for Next<Q> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<Q> Copy for Next<Q> {}

impl<Q> Next<Q> {
    /// The query of the next page, if there is one; `seen` counts the items so
    /// far and `previous` holds what told the last page apart (its last id, or
    /// its items): a page the server answers again, its cursor or page number
    /// ignored, is an error instead of an endless loop.
    fn after(
        &self,
        query: Q,
        page: &Value,
        seen: &mut u64,
        previous: &mut Option<Value>,
    ) -> Result<Option<Q>, Error> {
        let (items, next) = match *self {
            Next::Cursor {
                items,
                has_more,
                set,
            } => {
                let more = page.pointer(has_more) == Some(&Value::Bool(true));
                let last = page
                    .pointer(items)
                    .and_then(Value::as_array)
                    .and_then(|items| items.last()?["id"].as_str());
                let Some(last) = last.filter(|_| more) else {
                    return Ok(None);
                };
                (Value::from(last), set(query, last.to_owned()))
            }
            Next::Numbered {
                items,
                total,
                page: number,
                set,
            } => {
                let Some(items) = page.pointer(items).and_then(Value::as_array) else {
                    return Ok(None);
                };
                let count = items.len() as u64;
                *seen += count;
                let total = page.pointer(total).and_then(Value::as_u64);
                let more = count > 0 && total.is_none_or(|total| *seen < total);
                let next = number(&query).unwrap_or(1).checked_add(1);
                let Some(next) = next.filter(|_| more) else {
                    return Ok(None);
                };
                (Value::from(items.clone()), set(query, next))
            }
        };
        if previous.as_ref() == Some(&items) {
            return Err(Error::UnexpectedResponse(
                "paging: the server answered the same page again, its cursor or page number \
                 ignored; stopped instead of asking forever"
                    .into(),
            ));
        }
        *previous = Some(items);
        Ok(Some(next))
    }
}

/// Pages from `first` on, until `next` finds no next page. A failed fetch, or
/// a page answered again, is yielded as an error and ends the stream.
pub(crate) fn pages<'a, Q, P, F, Fut>(
    first: Q,
    fetch: F,
    next: Next<Q>,
) -> impl Stream<Item = Result<P, Error>> + Send + Unpin + 'a
where
    Q: Clone + Send + 'a,
    P: Serialize + Send + 'a,
    F: Fn(Q) -> Fut + Send + 'a,
    Fut: Future<Output = Result<P, Error>> + Send + 'a,
{
    // Boxed so the stream is `Unpin`: `.next()` works on it without `pin!`.
    Box::pin(futures_util::stream::unfold(
        (Some(first), 0, None),
        move |(query, mut seen, mut previous)| {
            let fetched = query.clone().map(&fetch);
            async move {
                let (query, page) = (query?, fetched?.await);
                let following = match page.as_ref().map(serde_json::to_value) {
                    Ok(Ok(value)) => match next.after(query, &value, &mut seen, &mut previous) {
                        Ok(following) => following,
                        Err(repeated) => return Some((Err(repeated), (None, seen, previous))),
                    },
                    _ => None,
                };
                Some((page, (following, seen, previous)))
            }
        },
    ))
}
