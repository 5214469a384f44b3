//! Cursor paging (`x-zai-pages`): a stream of every page of a list operation.

use crate::Error;
use futures_core::Stream;
use serde::Serialize;
use std::future::Future;

/// Pages from `first` on: each next query is `next(query, id of the last item)`,
/// until the page's `has_more` pointer is not `true` or it has no items.
pub(crate) fn pages<'a, Q, P, F, Fut>(
    first: Q,
    fetch: F,
    next: fn(Q, String) -> Q,
    items: &'static str,
    has_more: &'static str,
) -> impl Stream<Item = Result<P, Error>> + Send + 'a
where
    Q: Clone + Send + 'a,
    P: Serialize + Send + 'a,
    F: Fn(Q) -> Fut + Send + 'a,
    Fut: Future<Output = Result<P, Error>> + Send + 'a,
{
    futures_util::stream::unfold(Some(first), move |query| {
        let fetched = query.clone().map(&fetch);
        async move {
            let (query, page) = (query?, fetched?.await);
            let following = page.as_ref().ok().and_then(|page| {
                let value = serde_json::to_value(page).ok()?;
                let more = value.pointer(has_more) == Some(&serde_json::Value::Bool(true));
                let last = value.pointer(items)?.as_array()?.last()?["id"]
                    .as_str()?
                    .to_owned();
                more.then(|| next(query, last))
            });
            Some((page, following))
        }
    })
}
