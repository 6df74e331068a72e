package io.propertyimages.imaging;

/**
 * A JPEG ready to save: its bytes, its dimensions, the format it came from, and whether only the first frame of an
 * animation was kept.
 */
public record JpegImage(byte[] bytes, int width, int height, ImageFormat originalFormat, boolean firstFrameOnly) {
}
