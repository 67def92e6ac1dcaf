package org.civiclink.linkage.model;

import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/** The linkage model the service scores with: a trained file when configured, else the shipped default. */
@ApplicationScoped
public class ModelProducer {

    private static final Logger LOG = Logger.getLogger(ModelProducer.class);

    @ConfigProperty(name = "civiclink.linkage.model.file")
    Optional<Path> modelFile;

    @Produces
    @ApplicationScoped
    LinkageModel model() {
        LinkageModel model = modelFile.map(LinkageModel::read).orElseGet(LinkageModel::defaultModel);
        LOG.infof("Linking with model %s (link at match weight %.1f, review from %.1f)",
                model.version(), model.linkThreshold(), model.reviewThreshold());
        return model;
    }
}
