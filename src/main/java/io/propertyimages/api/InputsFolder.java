package io.propertyimages.api;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.propertyimages.input.InputUploads;

/** Where uploaded input files are kept, and how big one may be: the server variables inputs.root and inputs.max.bytes. */
@ApplicationScoped
public class InputsFolder {
    @Inject
    @ConfigProperty(name = "inputs.root")
    String root;

    @Inject
    @ConfigProperty(name = "inputs.max.bytes")
    long maxBytes;

    private InputUploads uploads;

    @PostConstruct
    void start() {
        uploads = new InputUploads(Path.of(root), maxBytes, Clock.systemUTC());
    }

    public InputUploads uploads() {
        return uploads;
    }
}
