package be.ocmw.merge.cli.internal;

import picocli.CommandLine.IVersionProvider;

class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = RootCommand.class.getPackage().getImplementationVersion();
        return new String[]{"ocmw-merge " + (version == null ? "(development build)" : version)};
    }
}
