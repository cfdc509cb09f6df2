// The second build takes its certificate from the environment: no path parameter.
context.get('userProperties').remove('fleet.clientCertificatePath')
return true
