package io.propertyimages.api;

import java.nio.file.Path;
import java.time.Clock;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import io.propertyimages.input.InputUploads;

/** Where uploaded input files are kept, and how big one may be: the server variables inputs.root and inputs.max.bytes. */
@ApplicationScoped
public class InputsFolder {
    @Resource(lookup = "propertyimages/inputs.root")
    String rootSetting;

    /** Liberty hands a jndiEntry that reads as a number over as an Integer or a Long, hence Object. */
    @Resource(lookup = "propertyimages/inputs.max.bytes")
    Object maxBytesSetting;

    private InputUploads uploads;

    @PostConstruct
    void start() {
        uploads = new InputUploads(Path.of(rootSetting), Long.parseLong(String.valueOf(maxBytesSetting).strip()),
                Clock.systemUTC());
    }

    public InputUploads uploads() {
        return uploads;
    }
}
