package dev.fleetdeploy.entra;

/** How a pipeline authenticates to an Azure API: a token it already has, or an application identity to get one. */
public sealed interface AzureCredential permits ReadyToken, ClientCredential {}
