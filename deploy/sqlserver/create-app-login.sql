-- The app's own SQL login: it reads and writes data and changes no schema (db_datareader + db_datawriter; the app
-- calls no stored procedures, so no EXECUTE). Migrations run separately with the owner login (`migrate` in
-- docker-compose.yml, or the idempotent script). Idempotent: run it after every migrate, it also resets the password.
-- sqlcmd takes the variables from the environment: APP_DB_NAME, APP_DB_LOGIN, APP_DB_PASSWORD (no single quote in it).
SET NOCOUNT ON;
IF NOT EXISTS (SELECT 1 FROM sys.server_principals WHERE name = N'$(APP_DB_LOGIN)')
    CREATE LOGIN [$(APP_DB_LOGIN)] WITH PASSWORD = N'$(APP_DB_PASSWORD)', CHECK_POLICY = ON, DEFAULT_DATABASE = [$(APP_DB_NAME)];
ELSE
    ALTER LOGIN [$(APP_DB_LOGIN)] WITH PASSWORD = N'$(APP_DB_PASSWORD)';
GO
USE [$(APP_DB_NAME)];
GO
IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$(APP_DB_LOGIN)')
    CREATE USER [$(APP_DB_LOGIN)] FOR LOGIN [$(APP_DB_LOGIN)];
ALTER ROLE db_datareader ADD MEMBER [$(APP_DB_LOGIN)];
ALTER ROLE db_datawriter ADD MEMBER [$(APP_DB_LOGIN)];
GO
PRINT N'Login $(APP_DB_LOGIN): db_datareader, db_datawriter on $(APP_DB_NAME).';
GO
