package io.propertyimages.api;

import java.io.IOException;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;

import io.propertyimages.catalog.PropertyCatalog;
import io.propertyimages.catalog.PropertyPage;
import io.propertyimages.imaging.ImageConversionException;
import io.propertyimages.store.ImageManifest;
import io.propertyimages.store.ManifestEntry;
import io.propertyimages.store.PropertyFolders;

/**
 * {@code /api/properties}: the gallery. The property folders under the images root, a page at a time from the jobs'
 * record of them ({@link PropertyCatalog}), a folder's manifest, its images and their thumbnails. A folder is named by its path under the images root ({@code /} between the parts when the
 * job had an outputDir); only images that the folder's manifest lists are served.
 */
@Path("properties")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.MONITOR})
public class PropertiesResource {
    private static final String JPEG = "image/jpeg";

    @Inject
    Gallery gallery;

    @Inject
    PropertyCatalog catalog;

    @Context
    Request request;

    /** A page of the property folders, by name, those whose address or folder contains {@code filter} if given. */
    @GET
    @Operation(summary = "A page of the property folders, by name; filter: part of the address or folder, any case")
    @APIResponseSchema(value = PropertyPage.class, responseCode = "200", responseDescription = "The page, with the total that match")
    @APIResponse(responseCode = "400", ref = ApiApplication.BAD_REQUEST)
    public PropertyPage properties(@QueryParam("filter") String filter, @QueryParam("start") String start,
                                   @QueryParam("count") String count) {
        Paging paging = Paging.of(start, count);
        return catalog.page(filter, paging.start(), paging.count());
    }

    @GET
    @Path("{folder: .+}")
    public String manifest(@PathParam("folder") String folder) {
        return gallery.folders().json(manifestOf(folderNamed(folder), folder));
    }

    @GET
    @Path("{folder: .+}/images/{file: [^/]+\\.jpg}")
    @Produces(JPEG)
    public Response image(@PathParam("folder") String folder, @PathParam("file") String file) {
        Listed image = listed(folder, file);
        return jpeg(image.file(), image.entry().contentHash());
    }

    @GET
    @Path("{folder: .+}/thumbnails/{file: [^/]+\\.jpg}")
    @Produces(JPEG)
    public Response thumbnail(@PathParam("folder") String folder, @PathParam("file") String file) throws IOException {
        Listed image = listed(folder, file);
        try {
            java.nio.file.Path thumbnail = gallery.thumbnails().thumbnailOf(image.file(), image.entry().contentHash());
            String name = thumbnail.getFileName().toString();
            return jpeg(thumbnail, name.substring(0, name.length() - ".jpg".length()));
        } catch (ImageConversionException e) {
            throw new ApiException(Status.INTERNAL_SERVER_ERROR, file + " of property folder " + folder + ": " + e.getMessage());
        }
    }

    /** A JPEG file that browsers may keep but must check again (its URL stays when the image is downloaded anew). */
    private Response jpeg(java.nio.file.Path file, String tag) {
        CacheControl revalidate = new CacheControl();
        revalidate.setPrivate(true);
        revalidate.setNoCache(true);
        if (tag == null) {
            return Response.ok(file.toFile(), JPEG).cacheControl(revalidate).build();
        }
        EntityTag etag = new EntityTag(tag);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.cacheControl(revalidate).build();
        }
        return Response.ok(file.toFile(), JPEG).tag(etag).cacheControl(revalidate).build();
    }

    private record Listed(ManifestEntry entry, java.nio.file.Path file) {
    }

    private Listed listed(String folder, String file) {
        java.nio.file.Path path = folderNamed(folder);
        ManifestEntry entry = PropertyFolders.entry(manifestOf(path, folder), file)
                .orElseThrow(() -> new ApiException(Status.NOT_FOUND,
                        "the manifest of property folder " + folder + " lists no image " + file));
        java.nio.file.Path image = PropertyFolders.imageFile(path, entry)
                .orElseThrow(() -> new ApiException(Status.NOT_FOUND,
                        file + " of property folder " + folder + " is in its manifest but not on disk"));
        return new Listed(entry, image);
    }

    private java.nio.file.Path folderNamed(String folder) {
        return gallery.folders().folder(folder).orElseThrow(() -> new ApiException(Status.NOT_FOUND,
                "no property folder " + folder + " under the images root"));
    }

    private ImageManifest manifestOf(java.nio.file.Path path, String folder) {
        try {
            return gallery.folders().manifest(path);
        } catch (IOException e) {
            throw new ApiException(Status.INTERNAL_SERVER_ERROR, "property folder " + folder + ": " + e.getMessage());
        }
    }
}
