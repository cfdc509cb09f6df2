package dev.fleetdeploy.adu;

import dev.fleetdeploy.core.Secret;
import dev.fleetdeploy.core.Setting;

/**
 * What a target configures for Azure Device Update, as the user gave it; {@link AduConfig#resolve} checks it and
 * fills in what is missing from the settings server and the environment.
 *
 * @param endpoint the account's host name
 * @param account the account's name, shorthand for {@code <account>.api.adu.microsoft.com}
 * @param instance the instance's name
 * @param apiVersion the API generation or version
 * @param groupId the device group
 * @param deviceClassId the one device-class subgroup to act on (GA versions)
 * @param accessToken a ready bearer token
 * @param tenantId the directory (tenant) id, for a client secret or federated token
 * @param clientId the application (client) id
 * @param clientSecret the client secret
 * @param federatedTokenFile the file holding a federated token (workload identity)
 * @param authorityHost the Microsoft Entra ID authority
 * @param credential which credential to use ({@code auto} when unset)
 * @param clientCertificatePath a PEM or PKCS#12 client certificate
 * @param clientCertificatePassword the PKCS#12 file's password
 * @param imdsEndpoint the instance metadata service's base URL
 */
public record AduSettings(
        Setting<String> endpoint,
        Setting<String> account,
        Setting<String> instance,
        Setting<String> apiVersion,
        Setting<String> groupId,
        Setting<String> deviceClassId,
        Setting<Secret> accessToken,
        Setting<String> tenantId,
        Setting<String> clientId,
        Setting<Secret> clientSecret,
        Setting<String> federatedTokenFile,
        Setting<String> authorityHost,
        Setting<String> credential,
        Setting<String> clientCertificatePath,
        Setting<Secret> clientCertificatePassword,
        Setting<String> imdsEndpoint) {}
