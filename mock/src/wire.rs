//! The mock on the wire: accepting connections, reading each HTTP request into a
//! [`Call`] for its operation and writing the [`Reply`] out.

use crate::call::{Call, Reply};
use crate::error::error_body;
use crate::parse;
use crate::reply::process;
use crate::route::{allowed_methods, route};
use crate::sse;
use crate::store::State;
use bytes::Bytes;
use http_body_util::{BodyExt, Full, StreamBody, combinators::BoxBody};
use hyper::body::Incoming;
use hyper::{Request, Response, StatusCode, header};
use serde_json::Value;
use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::oneshot;

type Body = BoxBody<Bytes, Infallible>;

/// What every connection of one server shares.
struct Server {
    state: State,
    /// Pause between streamed events.
    chunk_delay: Duration,
}

/// Serves HTTP/1 connections from `listener` with a fresh state, until
/// `shutdown` fires (or its sender is dropped).
pub(crate) async fn serve(
    listener: TcpListener,
    chunk_delay: Duration,
    mut shutdown: oneshot::Receiver<()>,
) {
    let server = Arc::new(Server {
        state: State::new(),
        chunk_delay,
    });
    loop {
        let (socket, _) = tokio::select! {
            _ = &mut shutdown => break,
            accepted = listener.accept() => match accepted {
                Ok(a) => a,
                Err(_) => continue,
            },
        };
        let server = server.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |req| {
                let server = server.clone();
                async move {
                    if crate::realtime::serves(req.uri().path()) {
                        return Ok(crate::realtime::handle(req, server.chunk_delay));
                    }
                    Ok::<_, Infallible>(handle(server, req).await)
                }
            });
            let _ = hyper::server::conn::http1::Builder::new()
                .serve_connection(hyper_util::rt::TokioIo::new(socket), service)
                .with_upgrades()
                .await;
        });
    }
}

/// One request: routed (or `404`/`405`), checked for a key (`401`), its body read
/// (`400` for a JSON one that is no object), then answered off the async workers.
async fn handle(server: Arc<Server>, req: Request<Incoming>) -> Response<Body> {
    let method = req.method().as_str().to_owned();
    let path = req.uri().path().to_owned();
    let (op, params) = match route(&method, &path) {
        Ok((op, _, params)) => (op, params),
        Err(true) => {
            let mut response = error(StatusCode::METHOD_NOT_ALLOWED);
            if let Ok(allow) = allowed_methods(&path).parse() {
                response.headers_mut().insert(header::ALLOW, allow);
            }
            return response;
        }
        Err(false) => {
            // What Z.AI's gateway answers for an unknown path (Spring-style).
            let body = serde_json::json!({
                "timestamp": "2026-03-13T05:05:28.067+00:00",
                "status": 404,
                "error": "Not Found",
                "path": path,
            });
            return json(StatusCode::NOT_FOUND, &body);
        }
    };
    let query = req.uri().query().map(parse::query).unwrap_or_default();
    let headers = req.headers();
    let authorized = headers
        .get(header::AUTHORIZATION)
        .or_else(|| headers.get("x-api-key"))
        .and_then(|v| v.to_str().ok())
        .is_some_and(parse::plausible_key);
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = match req.into_body().collect().await {
        Ok(b) => b.to_bytes(),
        Err(_) => return error(StatusCode::BAD_REQUEST),
    };
    if !authorized {
        return error(StatusCode::UNAUTHORIZED);
    }
    let Some((fields, files)) = parse::body(op.multipart, &content_type, &body) else {
        return error(StatusCode::BAD_REQUEST);
    };
    let call = Call {
        params,
        query,
        fields,
        files,
    };
    let streaming = matches!(&call.fields["stream"], Value::Bool(true))
        || call.fields["stream"].as_str() == Some("true");
    let chunk_delay = server.chunk_delay;
    // Off the async workers: answering may take a while (a batch of 50,000
    // lines is answered when it completes), and other requests go on meanwhile.
    let reply =
        tokio::task::spawn_blocking(move || process(&server.state, op, &call, &path, streaming))
            .await;
    let Ok(reply) = reply else {
        return error(StatusCode::INTERNAL_SERVER_ERROR);
    };
    match reply {
        Reply::Json(status, value) => json(status, &value),
        Reply::Bytes(content_type, bytes) => {
            let mut response = Response::new(BodyExt::boxed(Full::new(bytes)));
            set_type(&mut response, &content_type);
            response
        }
        Reply::Events {
            stream,
            chunks,
            glued,
        } => {
            let frames = sse::paced(sse::events(stream, &chunks, glued), chunk_delay);
            let mut response = Response::new(BodyExt::boxed(StreamBody::new(frames)));
            set_type(&mut response, "text/event-stream;charset=UTF-8");
            response
        }
    }
}

/// `status` with its Z.AI error body.
fn error(status: StatusCode) -> Response<Body> {
    json(status, &error_body(status.as_u16()))
}

/// A JSON body with `status`.
fn json(status: StatusCode, body: &Value) -> Response<Body> {
    let mut response = Response::new(BodyExt::boxed(Full::new(Bytes::from(body.to_string()))));
    *response.status_mut() = status;
    set_type(&mut response, "application/json");
    response
}

fn set_type(response: &mut Response<Body>, content_type: &str) {
    if let Ok(value) = content_type.parse() {
        response.headers_mut().insert(header::CONTENT_TYPE, value);
    }
}
