package io.ccsfront.bench;

import java.net.Socket;
import java.security.Principal;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A server-side key manager for the benchmark tools: no client aliases and no socket-based choice;
 * subclasses give the chain and key per alias (and choose by engine when they select).
 */
abstract class ServerKeyManager extends X509ExtendedKeyManager {

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
        return null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return null;
    }
}
