package dev.fleetdeploy.entra;

/**
 * How a pipeline authenticates to an Azure API: a token it already has, an application identity to get one (client
 * secret, certificate, federated token), a managed identity, or the Azure CLI's signed-in account.
 */
public sealed interface AzureCredential permits ReadyToken, ClientCredential, ManagedIdentity, AzureCli {}
