package io.propertyimages.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API over the JobOperator, with JBeret REST's resource names, under {@code /api}. */
@ApplicationPath("api")
public class ApiApplication extends Application {
}
