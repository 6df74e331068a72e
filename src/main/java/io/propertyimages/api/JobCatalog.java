package io.propertyimages.api;

import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.core.Response.Status;

/** The jobs this application can start: the job XML files packaged under {@code META-INF/batch-jobs}. */
@ApplicationScoped
public class JobCatalog {
    private static final String JOB_XML_FOLDER = "/WEB-INF/classes/META-INF/batch-jobs/";

    private ServletContext servletContext;

    /** Liberty's ServletContext bean is request-scoped: the application's own serves at start-up too (schedules). */
    void start(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) ServletContext context) {
        servletContext = context;
    }

    public Set<String> jobNames() {
        Set<String> names = new TreeSet<>();
        Set<String> paths = servletContext.getResourcePaths(JOB_XML_FOLDER);
        if (paths != null) {
            for (String path : paths) {
                if (path.endsWith(".xml")) {
                    names.add(path.substring(JOB_XML_FOLDER.length(), path.length() - ".xml".length()));
                }
            }
        }
        return names;
    }

    /** @throws ApiException 404 when there is no such job */
    public void requireJob(String jobName) {
        if (!jobNames().contains(jobName)) {
            throw new ApiException(Status.NOT_FOUND, "no job named \"" + jobName + "\"; jobs: " + String.join(", ", jobNames()));
        }
    }
}
