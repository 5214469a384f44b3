//! Multipart/form-data bodies on the wire: the form each generated multipart
//! body builds ([`MultipartForm`], emitted from the spec), and its files as parts.

use crate::runtime::error::Error;
use bytes::BytesMut;
pub(crate) use reqwest::multipart::Form;
use reqwest::multipart::Part;
use tokio::io::AsyncReadExt as _;
use zai_types::{FileContent, FilePart};

/// A multipart body: the form sent on the wire, rebuilt for each attempt (a
/// file part streams from disk again).
pub(crate) trait MultipartForm {
    /// The form, or why a field cannot be encoded.
    fn to_form(&self) -> Result<Form, Error>;
}

/// Bytes read from a file per piece of a streamed upload.
const READ_PIECE: usize = 64 * 1024;

/// A file as a form part: bytes in memory, or a file on disk streamed while it
/// is sent (a missing or unreadable file is [`Error::Io`]).
pub(crate) fn file_part(upload: &FilePart) -> Result<Part, Error> {
    let part = match &upload.content {
        FileContent::Bytes(bytes) => Part::stream(reqwest::Body::from(bytes.clone())),
        FileContent::Path(path) => {
            let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
            let length = file.metadata().map_err(|e| Error::io(path, e))?.len();
            let pieces = futures_util::stream::try_unfold(
                tokio::fs::File::from_std(file),
                |mut file| async move {
                    let mut piece = BytesMut::with_capacity(READ_PIECE);
                    match file.read_buf(&mut piece).await? {
                        0 => Ok::<_, std::io::Error>(None),
                        _ => Ok(Some((piece.freeze(), file))),
                    }
                },
            );
            Part::stream_with_length(reqwest::Body::wrap_stream(pieces), length)
        }
        // `FileContent` may grow (it is `non_exhaustive` for users of zai-types).
        other => {
            return Err(Error::InvalidRequest(format!(
                "file content {other:?} cannot be sent"
            )));
        }
    };
    part.file_name(upload.file_name.clone())
        .mime_str(&upload.content_type)
        .map_err(|_| {
            Error::InvalidRequest(format!(
                "`{}` is not a valid content type",
                upload.content_type
            ))
        })
}
