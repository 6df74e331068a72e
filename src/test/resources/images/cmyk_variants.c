/* Writes a 48x32 CMYK image of one colour as JPEG: YCCK with the Adobe marker, or CMYK without it.
   usage: cmyk_variants ycck|cmyk-no-adobe C M Y K out.jpg   (ink values 0-255, 255 = full ink) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <jpeglib.h>

int main(int argc, char **argv) {
    if (argc != 7) { fprintf(stderr, "usage: %s ycck|cmyk-no-adobe C M Y K out.jpg\n", argv[0]); return 2; }
    int ycck = strcmp(argv[1], "ycck") == 0;
    FILE *out = fopen(argv[6], "wb");
    if (!out) { perror(argv[6]); return 1; }
    struct jpeg_compress_struct cinfo;
    struct jpeg_error_mgr jerr;
    cinfo.err = jpeg_std_error(&jerr);
    jpeg_create_compress(&cinfo);
    jpeg_stdio_dest(&cinfo, out);
    cinfo.image_width = 48;
    cinfo.image_height = 32;
    cinfo.input_components = 4;
    cinfo.in_color_space = JCS_CMYK;
    jpeg_set_defaults(&cinfo);
    jpeg_set_colorspace(&cinfo, ycck ? JCS_YCCK : JCS_CMYK);
    cinfo.write_Adobe_marker = ycck ? TRUE : FALSE;
    jpeg_set_quality(&cinfo, 95, TRUE);
    jpeg_start_compress(&cinfo, TRUE);
    /* Adobe's convention, which libjpeg follows: stored values are inverted, 255 = no ink. */
    JSAMPLE row[48 * 4];
    for (int x = 0; x < 48; x++)
        for (int c = 0; c < 4; c++) row[x * 4 + c] = (JSAMPLE) (255 - atoi(argv[2 + c]));
    JSAMPROW rows[1] = { row };
    while (cinfo.next_scanline < cinfo.image_height) jpeg_write_scanlines(&cinfo, rows, 1);
    jpeg_finish_compress(&cinfo);
    jpeg_destroy_compress(&cinfo);
    fclose(out);
    return 0;
}
