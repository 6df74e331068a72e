package io.propertyimages.download;

/** A downloaded body with the validators the server sent, and how many attempts it took. */
public record DownloadedImage(byte[] body, String contentType, String etag, String lastModified, int attempts) {
}
