/**
 * Hummingbot's file formats shared by the bot (reads an instance folder) and orchestration (writes one): the
 * encrypted connector credential files {@code conf/connectors/<connector>.yml} with their password check
 * {@code conf/.password_verification} (Hummingbot's {@code ETHKeyFileSecretManger}: each secret an Ethereum
 * keyfile v3, hex-encoded), and the YAML reading and writing rules of Hummingbot's config files.
 */
package io.aviary.connectors.hummingbot;
